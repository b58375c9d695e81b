package org.sealmail.policy.rules;

import java.util.Comparator;
import org.sealmail.crypto.rights.template.ProtectionTemplate;

/**
 * Which template wins when several apply to one message: Do Not Forward, then any custom
 * template, then Encrypt. Do Not Forward's restrictions are never loosened by another rule; a
 * custom template is the organization's specific choice for that content, so it wins over the
 * generic Encrypt. Between two custom templates the first in rules-file order wins (this
 * comparator calls them equal).
 */
public final class TemplateStrength {

    /** Orders templates from weakest to strongest. */
    public static final Comparator<ProtectionTemplate> ORDER = Comparator.comparingInt(TemplateStrength::rank);

    private TemplateStrength() {
    }

    /** @return 3 for Do Not Forward, 2 for a custom template, 1 for Encrypt */
    static int rank(ProtectionTemplate template) {
        return rank(template.id());
    }

    private static int rank(String templateId) {
        if (templateId.equals(ProtectionTemplate.DO_NOT_FORWARD.id())) {
            return 3;
        }
        return templateId.equals(ProtectionTemplate.ENCRYPT.id()) ? 1 : 2;
    }

    /**
     * The same order by template id, for callers that hold only ids (the composer's choice).
     *
     * @param candidateId a template's id
     * @param currentId the id of the template chosen so far
     * @return true if the candidate is strictly stronger
     */
    public static boolean stronger(String candidateId, String currentId) {
        return rank(candidateId) > rank(currentId);
    }

    /**
     * @param candidate a template
     * @param current the template chosen so far
     * @return true if the candidate is strictly stronger
     */
    public static boolean stronger(ProtectionTemplate candidate, ProtectionTemplate current) {
        return ORDER.compare(candidate, current) > 0;
    }
}
