package org.sealmail.app.ui;

import java.util.List;
import java.util.Objects;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

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

    /**
     * A new window for a view in this theme, owned by another window (not shown yet).
     *
     * @param owner the owning window, or null for a top-level window
     * @param root the view's root node
     * @return the stage with a themed scene over {@code root}
     */
    public Stage newWindow(Window owner, Parent root) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        Scene scene = new Scene(root);
        applyTo(scene);
        stage.setScene(scene);
        return stage;
    }

    private static String url(String name) {
        java.net.URL url = Theme.class.getResource("/org/sealmail/ui/css/" + name);
        if (url == null) {
            throw new IllegalStateException("missing style sheet /org/sealmail/ui/css/" + name + " (module ui-resources)");
        }
        return url.toExternalForm();
    }
}
