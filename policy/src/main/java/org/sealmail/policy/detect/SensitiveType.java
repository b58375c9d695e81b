package org.sealmail.policy.detect;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of sensitive information Sealmail detects in outgoing mail
 * (docs/protection-rules.md, "Sensitive information types").
 */
public enum SensitiveType {
    /** A payment card number: a known brand's IIN range and length, Luhn-valid (ISO/IEC 7812). */
    CARD_NUMBER("card", "payment card number", "payment card numbers", false),
    /** An International Bank Account Number: registered country length, ISO 7064 MOD 97-10 valid (ISO 13616). */
    IBAN("iban", "IBAN", "IBANs", false),
    /** A US social security number outside the ranges the SSA never issues. */
    US_SSN("ssn", "US social security number", "US social security numbers", false),
    /** A list of e-mail addresses: counted as distinct addresses. */
    EMAIL_ADDRESS_LIST("email-addresses", "e-mail address", "e-mail addresses", true),
    /** A list of phone numbers: counted as distinct numbers. */
    PHONE_NUMBER_LIST("phone-numbers", "phone number", "phone numbers", true);

    private final String ruleName;
    private final String description;
    private final String plural;
    private final boolean list;

    SensitiveType(String ruleName, String description, String plural, boolean list) {
        this.ruleName = ruleName;
        this.description = description;
        this.plural = plural;
        this.list = list;
    }

    /** @return the name used in rules files, e.g. {@code card} */
    public String ruleName() {
        return ruleName;
    }

    /** @return what one item is called, e.g. "payment card number" */
    public String description() {
        return description;
    }

    /** @return what several items are called, e.g. "payment card numbers" */
    public String plural() {
        return plural;
    }

    /** @return true for list types, whose count is the number of distinct items */
    public boolean isList() {
        return list;
    }

    /**
     * @param name a rules-file name ({@code card}, {@code iban}, {@code ssn}, {@code email-addresses}, {@code phone-numbers})
     * @return the type, if the name is one
     */
    public static Optional<SensitiveType> byRuleName(String name) {
        return Arrays.stream(values()).filter(type -> type.ruleName.equals(name)).findFirst();
    }
}
