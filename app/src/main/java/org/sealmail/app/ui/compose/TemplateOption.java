package org.sealmail.app.ui.compose;

import java.util.Objects;

/**
 * A rights template the composer offers.
 *
 * @param id the template id
 * @param name the display name
 * @param builtIn whether it is Encrypt or Do Not Forward (they have their own toggles)
 */
public record TemplateOption(String id, String name, boolean builtIn) {

    /** Rejects nulls. */
    public TemplateOption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
