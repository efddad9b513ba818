package nl.werkmatch.matcher.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.werkmatch.matcher.Match;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.TaxonomyMismatch;
import nl.werkmatch.matcher.TaxonomyMismatchException;
import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.DutchLevels;
import nl.werkmatch.matcher.model.EducationLevel;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;
import nl.werkmatch.matcher.taxonomy.SkillType;

/**
 * Format 4 prepares a vacancy without skills with its occupation's, so a directory written by format 3 holds stale
 * index documents: it is refused clearly, or rebuilt, after which the skill-less vacancy matches on its occupation.
 */
class FormatUpgradeTest {
    private static SkillTaxonomy taxonomy() {
        return SkillTaxonomy.builder("upgrade", "1", "nl")
                .addConcept("s-lassen", SkillType.SKILL, Map.of("nl", "Lassen"), Map.of(), List.of(), List.of())
                .addConcept("s-koken", SkillType.SKILL, Map.of("nl", "Koken"), Map.of(), List.of(), List.of())
                .addOccupation("o-lasser", Map.of("nl", "Lasser"), Map.of(), "7212", "techniek")
                .addOccupationSkill("o-lasser", "s-lassen", Importance.ESSENTIAL)
                .build();
    }

    private static Matcher open(Path dir, TaxonomyMismatch onMismatch) {
        return Matcher.builder().taxonomy(taxonomy()).directory(dir).onTaxonomyMismatch(onMismatch).build();
    }

    /** A candidate in Amsterdam with A2 Dutch who welds, or cooks. */
    private static Profile candidate(String id, String skill) {
        return Profile.builder(id).location(Location.municipality("GM0363")).skill(skill, Evidence.DECLARED)
                .dutch(DutchLevels.uniform(Cefr.A2)).build();
    }

    /** Rewrites both sides' last commit as an older format would have recorded it. */
    private static void markAsFormat3(Path dir) throws Exception {
        markAsFormat(dir, "3");
    }

    private static void markAsFormat(Path dir, String format) throws Exception {
        for (String side : List.of(Storage.PROFILES, Storage.VACANCIES)) {
            Directory d = FSDirectory.open(dir.resolve(side));
            Map<String, String> old = new HashMap<>(IndexSide.committedData(d));
            old.put(Storage.KEY_FORMAT, format);
            old.put(Storage.KEY_FINGERPRINT, "fingerprint of format " + format);
            try (IndexSide s = new IndexSide(d, false, old, 0)) {
                s.commit(old);
            }
        }
    }

    @Test
    void aDirectoryOfTheOldFormatIsRefusedClearlyOrRebuiltAndThenMatchesASkillLessVacancyOnItsOccupation(
            @TempDir Path dir) throws Exception {
        try (Matcher m = open(dir, TaxonomyMismatch.FAIL)) {
            m.upsertProfile(candidate("p-welds", "s-lassen"));
            m.upsertProfile(candidate("p-cooks", "s-koken"));
            m.upsertVacancy(Vacancy.builder("v-no-skills").occupation("o-lasser")
                    .location(Location.municipality("GM0363")).build());
        }
        markAsFormat3(dir);
        assertThatThrownBy(() -> open(dir, TaxonomyMismatch.FAIL)).isInstanceOf(TaxonomyMismatchException.class)
                .hasMessageContaining("allow a rebuild");
        try (Matcher m = open(dir, TaxonomyMismatch.REBUILD)) {
            assertThat(m.candidatesFor("v-no-skills", MatchRequest.DEFAULT).matches()).extracting(Match::id)
                    .containsExactly("p-welds");
            assertThat(m.vacanciesFor("p-welds", MatchRequest.DEFAULT).matches()).extracting(Match::id)
                    .containsExactly("v-no-skills");
        }
        try (Matcher m = open(dir, TaxonomyMismatch.FAIL)) {
            assertThat(m.vacancyCount()).isEqualTo(1);
        }
    }

    /**
     * Format 5 counts an unrecognised diploma one level lower in the packed attributes, block bounds and compact
     * forms; a format 4 directory held the diploma's own level there. It is refused clearly, or rebuilt, after which
     * the engine's scores equal the exact scorer's for both a recognised and an unrecognised diploma.
     */
    @Test
    void aFormat4DirectoryIsRebuiltSoThatAnUnrecognisedDiplomaCountsALevelLower(@TempDir Path dir) throws Exception {
        try (Matcher m = open(dir, TaxonomyMismatch.FAIL)) {
            m.upsertProfile(Profile.builder("p-hbo-unrecognised").location(Location.municipality("GM0363"))
                    .skill("s-lassen", Evidence.DECLARED).education(EducationLevel.HBO, false).build());
            m.upsertProfile(Profile.builder("p-hbo-recognised").location(Location.municipality("GM0363"))
                    .skill("s-lassen", Evidence.DECLARED).education(EducationLevel.HBO, true).build());
            m.upsertVacancy(Vacancy.builder("v-mbo2").occupation("o-lasser").educationLevel(EducationLevel.MBO2)
                    .location(Location.municipality("GM0363")).build());
        }
        markAsFormat(dir, "4");
        assertThatThrownBy(() -> open(dir, TaxonomyMismatch.FAIL)).isInstanceOf(TaxonomyMismatchException.class);
        try (Matcher m = open(dir, TaxonomyMismatch.REBUILD)) {
            List<Match> page = m.candidatesFor("v-mbo2", MatchRequest.DEFAULT).matches();
            // counted as MBO4 the unrecognised diploma is less over-qualified for MBO2, so it ranks first
            assertThat(page).extracting(Match::id).containsExactly("p-hbo-unrecognised", "p-hbo-recognised");
            for (Match match : page) {
                assertThat(match.score()).isEqualTo(m.explain(match.id(), "v-mbo2").score());
            }
            assertThat(m.explain("p-hbo-unrecognised", "v-mbo2").level().counted()).isEqualTo(EducationLevel.MBO4);
        }
    }
}
