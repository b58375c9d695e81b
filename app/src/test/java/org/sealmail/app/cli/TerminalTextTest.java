package org.sealmail.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void escapeSequencesAreShownNotExecuted() {
        // ESC [ 1 A moves the cursor up a line, ESC [ 2 K erases it (ECMA-48 CUU, EL); BEL ends an OSC title
        assertThat(TerminalText.safe("al\u001b[1A\u001b[2Kstatus: VALID@evil.test\u0007\u007f\u009b"))
                .isEqualTo("al\\x1b[1A\\x1b[2Kstatus: VALID@evil.test\\x07\\x7f\\x9b");
    }

    @Test
    void bidirectionalOverridesAreShownNotApplied() {
        // U+202E RIGHT-TO-LEFT OVERRIDE would display "moc.live@bob" as "bob@evil.com" reversed
        assertThat(TerminalText.safe("\u202emoc.live@bob\u202c \u2066x\u2069\u200f"))
                .isEqualTo("\\u202emoc.live@bob\\u202c \\u2066x\\u2069\\u200f");
    }

    @Test
    void ordinaryTextIncludingUmlautsIsUnchanged() {
        String text = "subject: CN=Jörg Müller,O=Grüße GmbH — tab-free";
        assertThat(TerminalText.safe(text)).isSameAs(text);
    }
}
