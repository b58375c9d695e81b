package org.sealmail.crypto.smime.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentTypeTest {

    @Test
    void parsesQuotedParametersCommentsAndCase() {
        ContentType type = ContentType.parse("Multipart/Signed; protocol=\"application/pkcs7-signature\"; (comment)"
                + " MICALG=sha-256;\r\n\tboundary=\"----=_Part_0;x\\\"y\"");

        assertThat(type.mediaType()).isEqualTo("multipart/signed");
        assertThat(type.parameter("protocol")).contains("application/pkcs7-signature");
        assertThat(type.parameter("micalg")).contains("sha-256");
        assertThat(type.parameter("boundary")).contains("----=_Part_0;x\"y");
    }

    @Test
    void joinsRfc2231Continuations() {
        assertThat(ContentType.parse("application/pkcs7-mime; name*0=\"smime\"; name*1=\".p7m\"").parameter("name"))
                .contains("smime.p7m");
    }

    @Test
    void anUnreadableValueIsTextPlainAsRfc2045Says() {
        assertThat(ContentType.parse("garbage")).isEqualTo(ContentType.DEFAULT);
    }
}
