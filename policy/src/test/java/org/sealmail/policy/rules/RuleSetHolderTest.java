package org.sealmail.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new rules file is taken whole or not at all; the previous rules stay in force. */
class RuleSetHolderTest {

    @TempDir
    Path dir;

    @Test
    void aValidFileIsPutInForceAndABrokenReloadKeepsThePreviousRules() throws Exception {
        Path file = dir.resolve("r.rules");
        Files.writeString(file, "rule \"one\"\n  when always\n  then require-signing\n");
        RuleSetHolder holder = RuleSetHolder.load(file);
        RuleSet first = holder.current().orElseThrow();
        assertThat(first.rules()).hasSize(1);

        Files.writeString(file, "rule \"one\"\n  when always\n  then require-signing\n"
                + "rule \"two\"\n  when body matches /([a-z/\n  then block \"x\"\n");
        RuleSetHolder.ReloadResult rejected = holder.reload();

        assertThat(rejected.applied()).isFalse();
        assertThat(rejected.inForce()).containsSame(first);
        assertThat(holder.current()).containsSame(first);
        assertThat(rejected.problems()).singleElement().hasToString(file + ":5: invalid regular expression /([a-z/:"
                + " Unclosed character class near index 4");
        assertThat(holder.problems()).isEqualTo(rejected.problems());

        Files.writeString(file, "rule \"one\"\n  when always\n  then require-signing\nrule \"two\"\n  when always\n"
                + "  then warn \"w\"\n");
        RuleSetHolder.ReloadResult applied = holder.reload();
        assertThat(applied.applied()).isTrue();
        assertThat(holder.current().orElseThrow().rules()).hasSize(2);
        assertThat(holder.problems()).isEmpty();
    }

    @Test
    void aConfiguredFileThatNeverLoadedLeavesNoRulesInForce() throws Exception {
        Path file = dir.resolve("broken.rules");
        Files.writeString(file, "rule \"x\"\n  then template nonexistent\n");

        RuleSetHolder holder = RuleSetHolder.load(file);

        assertThat(holder.current()).isEmpty();
        assertThat(holder.problems()).isNotEmpty();
        assertThat(RuleSetHolder.load(dir.resolve("missing.rules")).current()).isEmpty();
    }

    @Test
    void withoutARulesFileEveryMessageGoesThroughTheEmptyRuleSet() {
        RuleSetHolder holder = RuleSetHolder.withoutRulesFile();

        assertThat(holder.current()).contains(RuleSet.EMPTY);
        assertThat(holder.reload().applied()).isTrue();
        assertThat(holder.file()).isEmpty();
    }

    @Test
    void aProfileWithoutARulesFileHasNoRulesUntilOneIsCreated() throws Exception {
        Path file = dir.resolve("protection.rules");
        RuleSetHolder holder = RuleSetHolder.loadIfPresent(file);
        assertThat(holder.current()).contains(RuleSet.EMPTY);
        assertThat(holder.file()).contains(file);

        Files.writeString(file, "rule \"one\"\n  when always\n  then require-signing\n");
        assertThat(holder.reload().applied()).isTrue();
        assertThat(holder.current().orElseThrow().rules()).hasSize(1);

        Files.writeString(file, "rule \"one\"\n  then nothing\n");
        assertThat(RuleSetHolder.loadIfPresent(file).current()).as("an existing broken file holds mail").isEmpty();
    }

    @Test
    void onlyAFileThatSurelyDoesNotExistMeansNoRulesADanglingLinkHolds() throws Exception {
        assertThat(RuleSetHolder.loadIfPresent(dir.resolve("absent.rules")).current()).contains(RuleSet.EMPTY);

        Path link = Files.createSymbolicLink(dir.resolve("link.rules"), dir.resolve("nowhere.rules"));
        RuleSetHolder dangling = RuleSetHolder.loadIfPresent(link);

        assertThat(dangling.current()).isEmpty();
        assertThat(dangling.problems()).singleElement().hasToString(link + ": file not found");
    }

    @Test
    void aFileWithoutEndIsRefusedAtTheBoundInsteadOfFillingMemory() {
        RuleSetHolder endless = RuleSetHolder.loadIfPresent(Path.of("/dev/zero"));

        assertThat(endless.current()).isEmpty();
        assertThat(endless.problems()).singleElement().hasToString(
                "/dev/zero: cannot read: larger than 1048576 bytes, the most such a file may have");
    }
}
