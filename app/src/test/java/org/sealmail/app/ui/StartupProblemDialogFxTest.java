package org.sealmail.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sealmail.app.ui.FxTestSupport.onFx;

import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The dialog a read-only profile or a store from a newer Sealmail gets when the desktop client
 * starts: an error with a heading in words and the store's own explanation, no exception text.
 */
@ExtendWith(ApplicationExtension.class)
class StartupProblemDialogFxTest {

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void aReadOnlyProfileAndANewerStoreAreExplainedInWords() {
        StoreException readOnly = new StoreException(StoreFailure.READ_ONLY,
                "the profile directory /p is read-only; Sealmail keeps its store there.");
        StoreException newer = new StoreException(StoreFailure.SCHEMA_TOO_NEW,
                "the store /p/sealmail.db was written by a newer Sealmail (schema version 7; this build knows up to 1)");

        Alert first = onFx(() -> StartupProblemDialog.alert(readOnly, UiText.english()));
        Alert second = onFx(() -> StartupProblemDialog.alert(newer, UiText.english()));

        assertThat(first.getAlertType()).isEqualTo(Alert.AlertType.ERROR);
        assertThat(first.getHeaderText()).isEqualTo("Sealmail cannot write its profile");
        assertThat(first.getContentText()).isEqualTo(readOnly.getMessage());
        assertThat(second.getHeaderText()).isEqualTo("This profile was written by a newer Sealmail");
        assertThat(second.getContentText()).contains("schema version 7").doesNotContain("Exception");
    }
}
