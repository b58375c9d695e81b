package org.sealmail.app.ui.reader;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.sealmail.app.ui.UiText;
import org.sealmail.crypto.rights.UsageRight;

/**
 * Turns a {@link ProtectionStatus} into the protection bar's wording: the template, who protected
 * it, the rights held and withheld, the expiry; for S/MIME the signer, trust, address match,
 * coverage and the encryption algorithm; and a specific sentence for each failure.
 */
public final class ProtectionBarText {

    /** The rights shown to the reader, in this order. */
    private static final List<UsageRight> SHOWN_RIGHTS = List.of(UsageRight.VIEW, UsageRight.REPLY,
            UsageRight.REPLYALL, UsageRight.FORWARD, UsageRight.EXTRACT, UsageRight.PRINT, UsageRight.EXPORT,
            UsageRight.EDIT);

    private final UiText text;
    private final DateTimeFormatter dates;

    /**
     * @param text the UI strings
     * @param zone the zone dates are shown in
     */
    public ProtectionBarText(UiText text, ZoneId zone) {
        this.text = Objects.requireNonNull(text, "text");
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(text.bundle().getLocale().equals(Locale.ROOT) ? Locale.ENGLISH : text.bundle().getLocale())
                .withZone(zone);
    }

    /**
     * @param protection the protection status
     * @param fromAddress the message's From address (for the address-match wording)
     * @param now the current instant (an expiry in the past is worded as such)
     * @return the bar
     */
    public ProtectionBar describe(ProtectionStatus protection, String fromAddress, Instant now) {
        if (protection instanceof RightsProtection rights) {
            return describeRights(rights, now);
        }
        if (protection instanceof SmimeProtection smime) {
            return describeSmime(smime, fromAddress);
        }
        return ProtectionBar.hidden();
    }

    private ProtectionBar describeRights(RightsProtection rights, Instant now) {
        String expiry = rights.notAfter().map(dates::format).orElse("");
        switch (rights.outcome()) {
            case EXPIRED:
                return new ProtectionBar(ProtectionBar.Severity.ERROR,
                        text.get("reader.protection.rights.expired", rights.templateName(), expiry.isEmpty() ? "?" : expiry),
                        List.of(text.get("reader.protection.rights.protected-by", rights.protectedBy())));
            case NOT_A_RECIPIENT:
                return failure("reader.protection.rights.not-a-recipient", rights);
            case TAMPERED:
                return failure("reader.protection.rights.tampered", rights);
            case MALFORMED:
                return failure("reader.protection.rights.malformed", rights);
            case REVOKED:
                return failure("reader.protection.rights.revoked", rights);
            case LICENSE_UNAVAILABLE:
                return new ProtectionBar(ProtectionBar.Severity.WARNING,
                        text.get("reader.protection.rights.license-unavailable", rights.templateName()),
                        List.of(text.get("reader.protection.rights.protected-by", rights.protectedBy())));
            case OPENED:
            default:
                break;
        }
        List<String> details = new ArrayList<>();
        Set<UsageRight> held = rights.granted().contains(UsageRight.OWNER)
                ? EnumSet.allOf(UsageRight.class) : rights.granted();
        details.add(text.get("reader.protection.rights.granted", rightNames(SHOWN_RIGHTS.stream().filter(held::contains).toList())));
        List<UsageRight> withheld = SHOWN_RIGHTS.stream().filter(r -> !held.contains(r)).toList();
        if (!withheld.isEmpty()) {
            details.add(text.get("reader.protection.rights.withheld", rightNames(withheld)));
        }
        details.add(rights.notAfter()
                .map(at -> text.get(at.isAfter(now) ? "reader.protection.rights.expires" : "reader.protection.rights.expired-at", dates.format(at)))
                .orElse(text.get("reader.protection.rights.no-expiry")));
        return new ProtectionBar(ProtectionBar.Severity.INFO,
                text.get("reader.protection.template", rights.templateName(), rights.protectedBy()), details);
    }

    private ProtectionBar failure(String key, RightsProtection rights) {
        return new ProtectionBar(ProtectionBar.Severity.ERROR, text.get(key, rights.templateName(), rights.protectedBy()),
                List.of(text.get("reader.protection.rights.protected-by", rights.protectedBy())));
    }

    private String rightNames(List<UsageRight> rights) {
        return rights.stream().map(r -> text.get("right." + r.name().toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining(", "));
    }

    private ProtectionBar describeSmime(SmimeProtection smime, String fromAddress) {
        ProtectionBar.Severity severity = ProtectionBar.Severity.OK;
        List<String> lines = new ArrayList<>();
        String headline = null;
        if (smime.encryption().isPresent()) {
            EncryptionCheck encryption = smime.encryption().get();
            switch (encryption.outcome()) {
                case DECRYPTED -> {
                    if (encryption.authenticated()) {
                        lines.add(text.get("reader.protection.smime.encrypted", encryption.algorithm()));
                    } else {
                        severity = severity.max(ProtectionBar.Severity.WARNING);
                        lines.add(text.get("reader.protection.smime.encrypted-unauthenticated", encryption.algorithm()));
                    }
                }
                case NO_MATCHING_KEY -> headline = text.get("reader.protection.smime.no-matching-key");
                case AUTHENTICATION_FAILED -> headline = text.get("reader.protection.smime.authentication-failed");
                case UNSUPPORTED_ALGORITHM -> headline = text.get("reader.protection.smime.unsupported", encryption.algorithm());
                case MALFORMED -> headline = text.get("reader.protection.smime.encryption-malformed");
                default -> throw new IllegalStateException("unknown outcome " + encryption.outcome());
            }
            if (headline != null) {
                return new ProtectionBar(ProtectionBar.Severity.ERROR, headline, List.of());
            }
        }
        if (smime.signature().isPresent()) {
            SignatureCheck signature = smime.signature().get();
            String signer = signature.signer().isEmpty() ? signature.signerAddress() : signature.signer();
            String signerDisplay = signature.signer().isEmpty() || signature.signerAddress().isEmpty()
                    || signature.signer().equalsIgnoreCase(signature.signerAddress()) ? signer
                    : signature.signer() + " <" + signature.signerAddress() + ">";
            switch (signature.outcome()) {
                case BAD_SIGNATURE -> {
                    severity = ProtectionBar.Severity.ERROR;
                    headline = text.get("reader.protection.smime.bad-signature", signer);
                }
                case MALFORMED -> {
                    severity = ProtectionBar.Severity.ERROR;
                    headline = text.get("reader.protection.smime.signature-malformed");
                }
                case UNSUPPORTED_ALGORITHM -> {
                    severity = ProtectionBar.Severity.ERROR;
                    headline = text.get("reader.protection.smime.signature-unsupported", signer, signature.problem());
                }
                case CERTIFICATE_UNSUITABLE -> {
                    severity = ProtectionBar.Severity.ERROR;
                    headline = text.get("reader.protection.smime.certificate-unsuitable", signer, signature.problem());
                }
                case VERIFIED -> {
                    if (signature.valid()) {
                        headline = text.get("reader.protection.smime.valid", signerDisplay);
                    } else if (!signature.addressMatchesFrom()) {
                        severity = severity.max(ProtectionBar.Severity.WARNING);
                        headline = text.get("reader.protection.smime.address-mismatch", signature.signerAddress(), fromAddress);
                    } else if (!signature.trusted()) {
                        severity = severity.max(ProtectionBar.Severity.WARNING);
                        headline = text.get("reader.protection.smime.untrusted", signerDisplay);
                    } else {
                        severity = severity.max(ProtectionBar.Severity.WARNING);
                        headline = text.get("reader.protection.smime.partial", signer);
                    }
                }
                default -> throw new IllegalStateException("unknown outcome " + signature.outcome());
            }
            lines.add(0, text.get("reader.protection.smime.signed-by", signerDisplay));
            if (signature.outcome() == SignatureCheck.Outcome.VERIFIED) {
                lines.add(1, text.get(signature.trusted() ? "reader.protection.smime.trusted" : "reader.protection.smime.not-trusted"));
                lines.add(2, signature.addressMatchesFrom() ? text.get("reader.protection.smime.address-matches")
                        : text.get("reader.protection.smime.address-differs", signature.signerAddress(), fromAddress));
                lines.add(3, text.get(signature.coversWholeMessage() ? "reader.protection.smime.covers-all"
                        : "reader.protection.smime.covers-part"));
            }
        } else {
            headline = text.get("reader.protection.smime.encrypted-only");
            lines.add(text.get("reader.protection.smime.not-signed"));
        }
        return new ProtectionBar(severity, headline, lines);
    }
}
