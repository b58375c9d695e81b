package org.sealmail.app.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.util.StringConverter;

/**
 * The UI's strings: the resource bundle {@code org.sealmail.ui.i18n.messages} (module
 * ui-resources) with dotted keys such as {@code reader.protection.template}; arguments are
 * formatted with {@link MessageFormat}.
 */
public final class UiText {

    /** The bundle's base name. */
    public static final String BUNDLE = "org.sealmail.ui.i18n.messages";

    private final ResourceBundle bundle;

    private UiText(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /**
     * @param locale the locale
     * @return the strings for that locale (English where a translation is missing)
     */
    public static UiText forLocale(Locale locale) {
        return new UiText(ResourceBundle.getBundle(BUNDLE, locale));
    }

    /** @return the English strings (tests use them to assert exact wording) */
    public static UiText english() {
        return forLocale(Locale.ROOT);
    }

    /** @return the underlying bundle (FXML loaders resolve {@code %key} references with it) */
    public ResourceBundle bundle() {
        return bundle;
    }

    /**
     * @param key a dotted key
     * @param arguments {@link MessageFormat} arguments
     * @return the formatted string
     * @throws MissingResourceException when the key is missing (a test checks all keys exist)
     */
    public String get(String key, Object... arguments) {
        Objects.requireNonNull(key, "key");
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(arguments);
    }

    /**
     * A read-only converter that shows each constant of an enum as the string under
     * {@code keyPrefix + constant name in lower case}, for choice boxes.
     *
     * @param keyPrefix the dotted key prefix, e.g. {@code "setup.security."}
     * @param <E> the enum type
     * @return the converter; {@code fromString} is unsupported (the boxes are not editable)
     */
    public <E extends Enum<E>> StringConverter<E> enumLabels(String keyPrefix) {
        return new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : get(keyPrefix + value.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public E fromString(String string) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
