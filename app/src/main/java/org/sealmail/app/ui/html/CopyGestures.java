package org.sealmail.app.ui.html;

import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The keyboard gestures that copy or cut a selection on Linux, Windows and macOS: Ctrl+C,
 * Ctrl+Insert, Shortcut+C (Cmd+C on macOS), Ctrl+X, Shift+Delete, and the dedicated Copy and
 * Cut keys.
 */
public final class CopyGestures {

    private static final List<KeyCombination> COMBINATIONS = List.of(
            new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.C, KeyCombination.CONTROL_DOWN),
            new KeyCodeCombination(KeyCode.C, KeyCombination.META_DOWN),
            new KeyCodeCombination(KeyCode.INSERT, KeyCombination.CONTROL_DOWN),
            new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.X, KeyCombination.CONTROL_DOWN),
            new KeyCodeCombination(KeyCode.X, KeyCombination.META_DOWN),
            new KeyCodeCombination(KeyCode.DELETE, KeyCombination.SHIFT_DOWN));

    private CopyGestures() {
    }

    /**
     * @param event a key event (pressed, released or typed)
     * @return whether it is (part of) a copy or cut gesture
     */
    public static boolean isCopyOrCut(KeyEvent event) {
        if (event.getEventType() == KeyEvent.KEY_TYPED) {
            // typed events carry the character: ETX (Ctrl+C) and CAN (Ctrl+X)
            String character = event.getCharacter();
            return event.isShortcutDown() || event.isControlDown() || event.isMetaDown()
                    ? character.equalsIgnoreCase("c") || character.equalsIgnoreCase("x")
                      || character.equals("\u0003") || character.equals("\u0018")
                    : false;
        }
        if (event.getCode() == KeyCode.COPY || event.getCode() == KeyCode.CUT) {
            return true;
        }
        for (KeyCombination combination : COMBINATIONS) {
            if (combination.match(event)) {
                return true;
            }
        }
        return false;
    }
}
