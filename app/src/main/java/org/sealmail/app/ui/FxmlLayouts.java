package org.sealmail.app.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads the FXML layouts of the module ui-resources ({@code /org/sealmail/ui/<feature>/<Name>.fxml})
 * with a given controller and the UI strings; the layouts name no controller class themselves.
 */
public final class FxmlLayouts {

    private FxmlLayouts() {
    }

    /**
     * @param resource the layout's path, e.g. {@code "reader/ReaderView.fxml"}
     * @param controller the object whose {@code @FXML} fields and handlers the layout binds
     * @param text the UI strings for {@code %key} references
     * @param <T> the root node type
     * @return the layout's root
     * @throws IllegalStateException when the layout is missing
     * @throws UncheckedIOException when the layout cannot be read or does not match the controller
     */
    public static <T extends Parent> T load(String resource, Object controller, UiText text) {
        URL url = FxmlLayouts.class.getResource("/org/sealmail/ui/" + resource);
        if (url == null) {
            throw new IllegalStateException("missing layout /org/sealmail/ui/" + resource + " (module ui-resources)");
        }
        FXMLLoader loader = new FXMLLoader(url, text.bundle());
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load layout " + resource + ": " + e.getMessage(), e);
        }
    }
}
