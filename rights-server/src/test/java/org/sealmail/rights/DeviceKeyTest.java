package org.sealmail.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.rights.license.ContentKeyWrap;
import org.sealmail.rights.license.DeviceKey;
import org.sealmail.rights.problem.ProblemReason;
import org.sealmail.rights.problem.RightsProblem;

class DeviceKeyTest {

    /** The RSA key of RFC 7638 §3.1 and its SHA-256 thumbprint given there. */
    private static final String RFC7638_JWK = "{\"kty\":\"RSA\",\"n\":\"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx"
            + "4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v"
            + "-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lF"
            + "d2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw\",\"e\":\"AQAB\",\"alg\":\"RS256\","
            + "\"kid\":\"2011-04-29\"}";

    @Test
    void deviceKeyIdIsTheRfc7638Thumbprint() throws Exception {
        DeviceKey key = DeviceKey.parse(JSONObjectUtils.parse(RFC7638_JWK));
        assertThat(key.id()).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    }

    @Test
    void keyWrappedToTheDeviceUnwrapsWithCryptosContentKeyWrap() throws Exception {
        var rsa = new RSAKeyGenerator(2048).generate();
        var ec = new ECKeyGenerator(Curve.P_256).generate();
        byte[] contentKey = new byte[32];
        contentKey[0] = 7;
        DeviceKey rsaDevice = DeviceKey.parse(rsa.toPublicJWK().toJSONObject());
        DeviceKey ecDevice = DeviceKey.parse(ec.toPublicJWK().toJSONObject());
        assertThat(ContentKeyWrap.unwrap(rsaDevice.wrap(contentKey), rsa.toPrivateKey())).isEqualTo(contentKey);
        assertThat(ContentKeyWrap.unwrap(ecDevice.wrap(contentKey), ec.toPrivateKey())).isEqualTo(contentKey);
        assertThat(com.nimbusds.jose.JWEObject.parse(ecDevice.wrap(contentKey)).getHeader().getKeyID()).isEqualTo(ecDevice.id());
    }

    @Test
    void weakPrivateOrUnknownKeysAreRefusedSayingWhy() throws Exception {
        var small = new RSAKeyGenerator(1024, true).generate();
        assertThatThrownBy(() -> DeviceKey.parse(small.toPublicJWK().toJSONObject())).hasMessageContaining("1024-bit")
                .isInstanceOfSatisfying(RightsProblem.class, e -> assertThat(e.reason()).isEqualTo(ProblemReason.DEVICE_KEY_UNSUPPORTED));
        var rsa = new RSAKeyGenerator(2048).generate();
        assertThatThrownBy(() -> DeviceKey.parse(rsa.toJSONObject())).hasMessageContaining("private key members");
        var p521 = new ECKeyGenerator(Curve.P_521).generate();
        assertThatThrownBy(() -> DeviceKey.parse(p521.toPublicJWK().toJSONObject())).hasMessageContaining("P-521");
        assertThatThrownBy(() -> DeviceKey.parse(Map.of("kty", "oct", "k", "AAAA"))).hasMessageContaining("kty");
    }
}
