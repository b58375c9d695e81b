package org.sealmail.policy.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealmail.policy.content.MessageContent;
import org.sealmail.policy.content.SectionKind;
import org.sealmail.policy.content.TextSection;
import org.sealmail.policy.regex.Deadline;
import org.sealmail.policy.regex.DeadlineExceededException;

/** Confidence levels, exclusions and counting of the detectors. */
class SensitiveContentScannerTest {

    private static SensitiveContentReport scan(String text) {
        return SensitiveContentScanner.scan(text, Deadline.after(Duration.ofSeconds(5)));
    }

    @Test
    void aCardKeywordNearbyRaisesACardNumberToHighConfidence() {
        assertThat(scan("4111 1111 1111 1111").count(SensitiveType.CARD_NUMBER, Confidence.HIGH)).isZero();
        assertThat(scan("4111 1111 1111 1111").count(SensitiveType.CARD_NUMBER, Confidence.MEDIUM)).isEqualTo(1);
        assertThat(scan("Visa: 4111 1111 1111 1111").count(SensitiveType.CARD_NUMBER, Confidence.HIGH)).isEqualTo(1);
        assertThat(scan("4111 1111 1111 1111, CVV 737").count(SensitiveType.CARD_NUMBER, Confidence.HIGH)).isEqualTo(1);
    }

    @Test
    void aLuhnValidNumberOfNoBrandIsOnlyLowConfidence() {
        SensitiveContentReport report = scan("parcel 9400111899223103");
        assertThat(LuhnChecksum.valid("9400111899223103")).isTrue();
        assertThat(report.count(SensitiveType.CARD_NUMBER, Confidence.LOW)).isEqualTo(1);
        assertThat(report.count(SensitiveType.CARD_NUMBER, Confidence.MEDIUM)).isZero();
    }

    @Test
    void digitsInsideLongerRunsWordsOrUrlsAreIgnored() {
        assertThat(scan("ref 41111111111111110000").count(SensitiveType.CARD_NUMBER, Confidence.LOW)).isZero();
        assertThat(scan("ref 99 4111 1111 1111 1111").count(SensitiveType.CARD_NUMBER, Confidence.LOW)).isZero();
        assertThat(scan("id A4111111111111111").count(SensitiveType.CARD_NUMBER, Confidence.LOW)).isZero();
        assertThat(scan("pi 3.4111111111111111").count(SensitiveType.CARD_NUMBER, Confidence.LOW)).isZero();
        assertThat(scan("see https://pay.example/4111111111111111 now").count(SensitiveType.CARD_NUMBER, Confidence.LOW))
                .isZero();
        assertThat(scan("see www.example.com/i/DE89370400440532013000").count(SensitiveType.IBAN, Confidence.LOW)).isZero();
        assertThat(scan("csv;x,4111111111111111,12/27").count(SensitiveType.CARD_NUMBER, Confidence.MEDIUM)).isEqualTo(1);
    }

    @Test
    void dottedCardGroupsCountOnlyAsFourGroupsOfFour() {
        assertThat(scan("card 4111.1111.1111.1111").count(SensitiveType.CARD_NUMBER, Confidence.MEDIUM)).isEqualTo(1);
        assertThat(scan("v 4.111.111.111.111.111").count(SensitiveType.CARD_NUMBER, Confidence.LOW)).isZero();
    }

    @Test
    void ibansEndAtTheirCountrysLengthOnAGroupBoundary() {
        assertThat(scan("IBAN DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX").count(SensitiveType.IBAN, Confidence.HIGH))
                .isEqualTo(1);
        assertThat(scan("DE89370400440532013000").count(SensitiveType.IBAN, Confidence.MEDIUM)).isEqualTo(1);
        assertThat(scan("DE89370400440532013000").count(SensitiveType.IBAN, Confidence.HIGH)).isZero();
        assertThat(scan("DE89 3704 0044 0532 0130 001").count(SensitiveType.IBAN, Confidence.LOW)).isZero();
        assertThat(scan("US89 3704 0044 0532 0130 00").count(SensitiveType.IBAN, Confidence.LOW)).isZero();
    }

    @Test
    void ssnConfidenceDependsOnFormatAndKeywords() {
        assertThat(scan("SSN 536-22-8726").count(SensitiveType.US_SSN, Confidence.HIGH)).isEqualTo(1);
        assertThat(scan("ref 536-22-8726").count(SensitiveType.US_SSN, Confidence.MEDIUM)).isEqualTo(1);
        assertThat(scan("ref 536-22-8726").count(SensitiveType.US_SSN, Confidence.HIGH)).isZero();
        assertThat(scan("ref 536 22 8726").count(SensitiveType.US_SSN, Confidence.MEDIUM)).isZero();
        assertThat(scan("ref 536 22 8726").count(SensitiveType.US_SSN, Confidence.LOW)).isEqualTo(1);
        assertThat(scan("social security number 536228726").count(SensitiveType.US_SSN, Confidence.MEDIUM)).isEqualTo(1);
        assertThat(scan("order 536228726").count(SensitiveType.US_SSN, Confidence.LOW)).isZero();
        assertThat(scan("phone 536-22-8726").count(SensitiveType.US_SSN, Confidence.MEDIUM)).isZero();
        assertThat(scan("SSN 666-22-8726, 536-00-8726, 536-22-0000").count(SensitiveType.US_SSN, Confidence.LOW)).isZero();
        assertThat(scan("SSN 536-22-8726-1").count(SensitiveType.US_SSN, Confidence.LOW)).isZero();
    }

    @Test
    void listsCountDistinctAddressesAndNumbers() {
        SensitiveContentReport report = scan("a@x.example, B@X.example, a@x.example, b@x.example\n"
                + "(212) 555-0101, 212-555-0101, +1 212 555 0101, +44 20 7946 0958");
        assertThat(report.count(SensitiveType.EMAIL_ADDRESS_LIST, Confidence.HIGH)).isEqualTo(2);
        assertThat(report.count(SensitiveType.PHONE_NUMBER_LIST, Confidence.MEDIUM)).isEqualTo(2);
    }

    @Test
    void nationalPhoneNumbersNeedAPhoneKeywordForMediumConfidence() {
        assertThat(scan("Berlin 030 901820").count(SensitiveType.PHONE_NUMBER_LIST, Confidence.MEDIUM)).isZero();
        assertThat(scan("Berlin 030 901820").count(SensitiveType.PHONE_NUMBER_LIST, Confidence.LOW)).isEqualTo(1);
        assertThat(scan("Tel. 030 901820").count(SensitiveType.PHONE_NUMBER_LIST, Confidence.MEDIUM)).isEqualTo(1);
    }

    @Test
    void alternativesAreCountedOnceAndOtherPartsAddUp() {
        MessageContent content = new MessageContent("", List.of(), List.of(
                new TextSection(SectionKind.BODY, "text/plain", "card 4111111111111111", 0, 0),
                new TextSection(SectionKind.BODY, "text/html", "card 4111111111111111 and 5555555555554444", 0, 1),
                new TextSection(SectionKind.ATTACHMENT, "a.txt", "card 4111111111111111", 1, 0)), List.of());

        SensitiveContentReport report = SensitiveContentScanner.scan(content, Deadline.after(Duration.ofSeconds(5)));

        assertThat(report.count(SensitiveType.CARD_NUMBER, Confidence.MEDIUM)).isEqualTo(3);
    }

    @Test
    void scanningStopsWhenItsDeadlineHasPassed() throws Exception {
        Deadline deadline = Deadline.after(Duration.ofMillis(1));
        Thread.sleep(5);
        assertThatThrownBy(() -> SensitiveContentScanner.scan("x".repeat(10_000), deadline))
                .isInstanceOf(DeadlineExceededException.class);
    }
}
