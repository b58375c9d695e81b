package org.sealmail.app.ui;

import java.util.List;
import java.util.Objects;
import javafx.scene.Scene;

/** The light and dark themes: a palette style sheet plus the shared rules (module ui-resources). */
public enum Theme {
    /** Light palette. */
    LIGHT("light.css"),
    /** Dark palette. */
    DARK("dark.css");

    private final String palette;

    Theme(String palette) {
        this.palette = palette;
    }

    /** @return the style sheet URLs of this theme, palette first */
    public List<String> styleSheets() {
        return List.of(url(palette), url("sealmail.css"));
    }

    /**
     * @param scene a scene to restyle
     */
    public void applyTo(Scene scene) {
        Objects.requireNonNull(scene, "scene").getStylesheets().setAll(styleSheets());
    }

    private static String url(String name) {
        java.net.URL url = Theme.class.getResource("/org/sealmail/ui/css/" + name);
        if (url == null) {
            throw new IllegalStateException("missing style sheet /org/sealmail/ui/css/" + name + " (module ui-resources)");
        }
        return url.toExternalForm();
    }
}
