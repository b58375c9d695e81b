package org.sealmail.app.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.rights.message.Branding;
import org.sealmail.crypto.rights.message.BrandingLogo;
import org.sealmail.rights.json.JsonBody;
import org.sealmail.rights.reader.ReaderBranding;
import org.sealmail.rights.reader.ReaderPages;

/**
 * The wrapper's branding travels with the registration (docs/rights-server-api.md §3) and the
 * rights server's web reader shows the same intro, disclaimer, privacy link, logo and colour.
 */
class RegistrationBrandingTest {

    /** A 1x1 PNG (the signature and IHDR of the PNG specification, RFC 2083). */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @Test
    void theWebReaderPageShowsTheBrandingTheClientRegisters() {
        Branding branding = new Branding("Protected by Contoso Legal.", "Confidential: for the addressee only.",
                Optional.of(URI.create("https://contoso.example/privacy")), Optional.of(new BrandingLogo(PNG)),
                Optional.of("#f0f4ff"));

        String json = org.sealmail.rights.json.JsonBody.write(RightsServerClient.brandingMember(branding));
        ReaderBranding reader = ReaderBranding.parse(JsonBody.parse(json.getBytes(StandardCharsets.UTF_8)));
        String page = ReaderPages.signIn("ba7e3110-ff13-49d7-9cca-bb566105d9e6", "alice@example.test", reader,
                Optional.empty());

        assertThat(json).isEqualTo("{\"intro\":\"Protected by Contoso Legal.\",\"disclaimer\":\"Confidential: for the"
                + " addressee only.\",\"privacy_url\":\"https://contoso.example/privacy\",\"logo\":\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(PNG) + "\",\"background\":\"#F0F4FF\"}");
        assertThat(page).contains("Protected by Contoso Legal.").contains("Confidential: for the addressee only.")
                .contains("https://contoso.example/privacy").contains("data:image/png;base64,").contains("#F0F4FF");
    }
}
