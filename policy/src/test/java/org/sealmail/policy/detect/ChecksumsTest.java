package org.sealmail.policy.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Luhn (ISO/IEC 7812-1 Annex B), MOD 97-10 (ISO 13616 / ISO 7064), IIN ranges and SSN ranges. */
class ChecksumsTest {

    @ParameterizedTest
    @ValueSource(strings = {"79927398713", // the worked example of the Luhn algorithm (H. P. Luhn's patent)
        "4111111111111111", "4012888888881881", "5555555555554444", "5105105105105100", "2223003122003222",
        "378282246310005", "371449635398431", "6011111111111117", "3530111333300000", "30569309025904",
        "6200000000000005"})
    void publishedTestCardNumbersPassLuhn(String number) {
        assertThat(LuhnChecksum.valid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"79927398710", "4111111111111112", "5555555555554445", "378282246310006", "", "41111x1111"})
    void anyChangedDigitFailsLuhn(String number) {
        assertThat(LuhnChecksum.valid(number)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013000", "GB82WEST12345698765432", "GB29NWBK60161331926819",
        "FR1420041010050500013M02606", "NL91ABNA0417164300", "CH9300762011623852957", "BE68539007547034",
        "NO9386011117947", "MT84MALT011000012345MTLCAST001S", "LC55HEMM000100010012001200023015"})
    void registryExampleIbansPassMod97(String iban) {
        assertThat(Mod97Checksum.valid(iban)).isTrue();
        assertThat(IbanRegistry.length(iban.substring(0, 2))).hasValue(iban.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013001", "GB82WEST12345698765433", "DE98370400440532013000", "DE8937"})
    void changedIbansFailMod97(String iban) {
        assertThat(Mod97Checksum.valid(iban)).isFalse();
    }

    @Test
    void theRegistryHasTheShortestAndLongestIbansAndNoUnitedStates() {
        assertThat(IbanRegistry.length("NO")).hasValue(15);
        assertThat(IbanRegistry.length("RU")).hasValue(33);
        assertThat(IbanRegistry.length("US")).isEmpty();
        assertThat(IbanRegistry.size()).isEqualTo(89);
    }

    @ParameterizedTest
    @CsvSource({"4111111111111111,VISA", "4222222222222,VISA", "5105105105105100,MASTERCARD",
        "2221000000000009,MASTERCARD", "2720990000000000,MASTERCARD", "378282246310005,AMERICAN_EXPRESS",
        "6011111111111117,DISCOVER", "6445644564456445,DISCOVER", "6500000000000002,DISCOVER", "3530111333300000,JCB",
        "30569309025904,DINERS_CLUB", "36000000000008,DINERS_CLUB", "6200000000000005,UNIONPAY"})
    void numbersFitTheirBrandsIinRangeAndLength(String number, CardBrand brand) {
        assertThat(CardBrand.of(number)).contains(brand);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2220990000000000", "2721000000000000", "5600000000000000", "411111111111111",
        "3782822463100050", "3520000000000000", "9400111899223100", "1234567890123456"})
    void numbersOutsideEveryRangeOrLengthHaveNoBrand(String number) {
        assertThat(CardBrand.of(number)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"536,22,8726,true", "000,12,3456,false", "666,12,3456,false", "900,12,3456,false",
        "999,99,9999,false", "899,12,3456,true", "123,00,4567,false", "123,45,0000,false", "078,05,1120,false",
        "219,09,9999,false", "665,01,0001,true"})
    void ssnAreaGroupAndSerialRanges(String area, String group, String serial, boolean issuable) {
        assertThat(SsnDetector.issuable(area, group, serial)).isEqualTo(issuable);
    }
}
