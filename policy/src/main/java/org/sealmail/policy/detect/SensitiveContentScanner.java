package org.sealmail.policy.detect;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sealmail.policy.content.MessageContent;
import org.sealmail.policy.content.TextSection;
import org.sealmail.policy.regex.Deadline;

/**
 * Runs every detector over the body and text attachments of a message and counts what they find.
 * The alternatives of one {@code multipart/alternative} (text and HTML versions of the same body)
 * are counted once: the largest count among them, not their sum. Other parts add up; list types
 * (e-mail addresses, phone numbers) are distinct within each part.
 */
public final class SensitiveContentScanner {

    private static final List<SensitiveInformationDetector> DETECTORS = List.of(new CardNumberDetector(),
            new IbanDetector(), new SsnDetector(), new EmailAddressDetector(), new PhoneNumberDetector());

    private SensitiveContentScanner() {
    }

    /**
     * @param content the message
     * @param deadline when scanning must stop
     * @return the counts per type and confidence
     * @throws org.sealmail.policy.regex.DeadlineExceededException if the deadline passes first
     */
    public static SensitiveContentReport scan(MessageContent content, Deadline deadline) {
        Map<Integer, Map<Integer, Map<SensitiveType, int[]>>> groups = new HashMap<>();
        for (TextSection section : content.sections()) {
            Map<SensitiveType, int[]> counts = groups.computeIfAbsent(section.group(), group -> new HashMap<>())
                    .computeIfAbsent(section.alternative(), alternative -> new EnumMap<>(SensitiveType.class));
            add(counts, countsOf(section.text(), deadline));
        }
        Map<SensitiveType, int[]> total = new EnumMap<>(SensitiveType.class);
        for (Map<Integer, Map<SensitiveType, int[]>> alternatives : groups.values()) {
            Map<SensitiveType, int[]> largest = new EnumMap<>(SensitiveType.class);
            for (Map<SensitiveType, int[]> counts : alternatives.values()) {
                counts.forEach((type, values) -> {
                    int[] max = largest.computeIfAbsent(type, key -> new int[Confidence.values().length]);
                    for (int index = 0; index < values.length; index++) {
                        max[index] = Math.max(max[index], values[index]);
                    }
                });
            }
            add(total, largest);
        }
        return new SensitiveContentReport(total);
    }

    /**
     * @param text one text
     * @param deadline when scanning must stop
     * @return the counts per type and minimum confidence for that text alone
     */
    private static Map<SensitiveType, int[]> countsOf(String text, Deadline deadline) {
        ScanText scanText = new ScanText(text, deadline);
        Map<SensitiveType, int[]> counts = new EnumMap<>(SensitiveType.class);
        for (SensitiveInformationDetector detector : DETECTORS) {
            for (Detection detection : detector.detect(scanText)) {
                int[] atLeast = counts.computeIfAbsent(detection.type(), type -> new int[Confidence.values().length]);
                for (int level = 0; level <= detection.confidence().ordinal(); level++) {
                    atLeast[level]++;
                }
            }
        }
        return counts;
    }

    /**
     * @param text one text
     * @param deadline when scanning must stop
     * @return its report
     */
    public static SensitiveContentReport scan(String text, Deadline deadline) {
        return new SensitiveContentReport(countsOf(text, deadline));
    }

    private static void add(Map<SensitiveType, int[]> into, Map<SensitiveType, int[]> counts) {
        counts.forEach((type, values) -> {
            int[] sum = into.computeIfAbsent(type, key -> new int[Confidence.values().length]);
            for (int index = 0; index < values.length; index++) {
                sum[index] += values[index];
            }
        });
    }
}
