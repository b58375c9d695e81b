package org.sealmail.app.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** mailto: links as RFC 6068 §6 writes its examples. */
class MailtoLinkTest {

    @Test
    void theExamplesOfRfc6068Section6Parse() {
        assertThat(MailtoLink.parse("mailto:chris@example.com").to()).containsExactly("chris@example.com");
        assertThat(MailtoLink.parse("mailto:infobot@example.com?subject=current-issue").subject()).isEqualTo("current-issue");
        assertThat(MailtoLink.parse("mailto:infobot@example.com?body=send%20current-issue%0D%0Asend%20index").body())
                .isEqualTo("send current-issue\r\nsend index");
        MailtoLink reply = MailtoLink.parse("mailto:list@example.org?In-Reply-To=%3C3469A91.D10AF4C@example.com%3E");
        assertThat(reply.to()).containsExactly("list@example.org");
        assertThat(reply.subject()).isEmpty();
        MailtoLink withCc = MailtoLink.parse("mailto:joe@example.com?cc=bob@example.com&body=hello");
        assertThat(withCc.cc()).containsExactly("bob@example.com");
        assertThat(withCc.body()).isEqualTo("hello");
        assertThat(MailtoLink.parse("mailto:gorby%25kremvax@example.com").to()).containsExactly("gorby%kremvax@example.com");
        assertThat(MailtoLink.parse("mailto:Mike%26family@example.org").to()).containsExactly("Mike&family@example.org");
        assertThat(MailtoLink.parse("mailto:?to=addr1@an.example,addr2@an.example").to())
                .containsExactly("addr1@an.example", "addr2@an.example");
        assertThat(MailtoLink.parse("mailto:addr1@an.example?to=addr2@an.example").to())
                .containsExactly("addr1@an.example", "addr2@an.example");
        assertThat(MailtoLink.parse("mailto:user@example.org?subject=caf%C3%A9&body=1+1").subject()).isEqualTo("caf\u00e9");
        assertThat(MailtoLink.parse("MAILTO:user@example.org?body=1+1").body()).as("'+' is not a space (§5)").isEqualTo("1+1");
    }

    @Test
    void aBadEscapeOrAnotherSchemeIsRefusedNamingIt() {
        assertThatThrownBy(() -> MailtoLink.parse("mailto:a@example.org?subject=%ZZ"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("mailto: link: '%ZZ' is not a percent escape (% and two hex digits, RFC 3986 \u00a72.1)");
        assertThatThrownBy(() -> MailtoLink.parse("mailto:a@example.org?subject=50%"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'%' is not a percent escape");
        assertThatThrownBy(() -> MailtoLink.parse("https://example.org")).isInstanceOf(IllegalArgumentException.class);
        assertThat(MailtoLink.isMailto("notes.eml")).isFalse();
        assertThat(List.of(MailtoLink.parse("mailto:a@example.org?bcc=b@example.org").bcc())).containsExactly(
                List.of("b@example.org"));
    }
}
