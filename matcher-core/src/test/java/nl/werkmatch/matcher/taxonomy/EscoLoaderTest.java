package nl.werkmatch.matcher.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.model.Importance;

/** The ESCO loader on a hand-made miniature of the CSV distribution. */
class EscoLoaderTest {
    private static final String S = "http://data.europa.eu/esco/skill/";
    private static final String O = "http://data.europa.eu/esco/occupation/";

    @TempDir
    Path dir;

    @BeforeEach
    void writeMiniatureEsco() throws IOException {
        // columns in another order than ESCO's, a byte order mark, CRLF line ends, a multi-line quoted field
        write("skills_en.csv", "\uFEFFpreferredLabel,altLabels,conceptUri,skillType,description\r\n"
                + "weld metal,\"weld metal\r\nwelding\r\n\r\njoin metal\r\nwelding\",S1,skill/competence,\"Join, with heat.\"\r\n"
                + "metallurgy,,S2,knowledge,\r\n"
                + "digital content creation,,S3,,\r\n");
        write("skillGroups_en.csv", "conceptType,conceptUri,preferredLabel,altLabels\n"
                + "SkillGroup,G1,working with metal,\"metalwork\"\n");
        write("broaderRelationsSkillPillar.csv", "conceptType,conceptUri,broaderType,broaderUri\n"
                + "KnowledgeSkillCompetence,S1,SkillGroup,G1\n"
                + "KnowledgeSkillCompetence,S1,KnowledgeSkillCompetence,S2\n"
                + "SkillGroup,G1,SkillGroup,G-missing\n"
                + "SkillGroup,G-other,SkillGroup,G1\n");
        write("skillSkillRelations.csv", "originalSkillUri,originalSkillType,relationType,relatedSkillType,relatedSkillUri\n"
                + "S1,skill/competence,essential,knowledge,S2\n"
                + "S3,,optional,skill/competence,S1\n"
                + "S1,skill/competence,optional,knowledge,S-missing\n");
        write("occupations_en.csv", "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,code\n"
                + "Occupation,O1,7212,welder,\"welder\nwelding operator\",7212.1\n"
                + "Occupation,O2,,helper,,\n");
        write("occupationSkillRelations.csv", "occupationUri,relationType,skillType,skillUri\n"
                + "O1,essential,skill/competence,S1\n"
                + "O1,optional,knowledge,S2\n"
                + "O2,optional,skill/competence,S3\n"
                + "O-missing,essential,skill/competence,S1\n"
                + "O2,essential,skill/competence,S-missing\n");
        write("skills_nl.csv", "conceptUri,preferredLabel,altLabels\n"
                + "S1,metaal lassen,\"lassen\nmetaal lassen\"\n"
                + "S-missing,onbekend,\n");
        write("skillGroups_nl.csv", "conceptUri,preferredLabel\nG1,werken met metaal\n");
        write("occupations_nl.csv", "conceptUri,preferredLabel,altLabels\nO1,lasser,lasser m/v\n");
        // a collection file is not a translation, even though its name ends in _en.csv
        write("languageSkillsCollection_en.csv", "conceptUri,preferredLabel\nS9,write Dutch\n");
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text.replace("S1", S + "1").replace("S2", S + "2").replace("S3", S + "3")
                .replace("S-missing", S + "missing").replace("O1", O + "1").replace("O2", O + "2")
                .replace("O-missing", O + "missing"), StandardCharsets.UTF_8);
    }

    @Test
    void loadsConceptsRelationsOccupationsAndTranslations() throws IOException {
        List<String> messages = new ArrayList<>();
        EscoLoader.Result result = EscoLoader.load(dir, messages::add);
        SkillTaxonomy t = result.taxonomy();

        assertThat(t.id()).isEqualTo("esco");
        assertThat(t.version()).isEqualTo("1.1.1");
        assertThat(t.languages()).containsExactly("en", "nl");
        assertThat(t.size()).isEqualTo(4);
        int s1 = t.indexOf(S + "1");
        int s2 = t.indexOf(S + "2");
        int s3 = t.indexOf(S + "3");
        int g1 = t.indexOf("G1");
        assertThat(new int[] {s1, s2, s3, g1}).containsExactly(0, 1, 2, 3);
        assertThat(t.type(s1)).isEqualTo(SkillType.SKILL);
        assertThat(t.type(s2)).isEqualTo(SkillType.KNOWLEDGE);
        assertThat(t.type(s3)).isEqualTo(SkillType.SKILL);
        assertThat(t.type(g1)).isEqualTo(SkillType.GROUP);
        assertThat(t.label(s1, "en")).isEqualTo("weld metal");
        assertThat(t.altLabels(s1, "en")).containsExactly("welding", "join metal");
        assertThat(t.label(s1, "nl")).isEqualTo("metaal lassen");
        assertThat(t.altLabels(s1, "nl")).containsExactly("lassen");
        assertThat(t.labelIn(s2, "nl")).isNull();
        assertThat(t.label(g1, "nl")).isEqualTo("werken met metaal");
        assertThat(t.altLabels(g1, "en")).containsExactly("metalwork");

        assertThat(t.broader(s1)).containsExactly(s2, g1);
        assertThat(t.narrower(g1)).containsExactly(s1);
        assertThat(t.related(s1)).containsExactly(s2);
        assertThat(t.related(s3)).containsExactly(s1);   // direction as given
        assertThat(t.related(s2)).isEmpty();

        assertThat(t.occupationCount()).isEqualTo(2);
        int o1 = t.occupationIndexOf(O + "1");
        int o2 = t.occupationIndexOf(O + "2");
        assertThat(t.occupationLabel(o1, "en")).isEqualTo("welder");
        assertThat(t.occupationAltLabels(o1, "en")).containsExactly("welding operator");
        assertThat(t.occupationLabel(o1, "nl")).isEqualTo("lasser");
        assertThat(t.occupationAltLabels(o1, "nl")).containsExactly("lasser m/v");
        assertThat(t.isco(o1)).isEqualTo("7212");
        assertThat(t.isco(o2)).isNull();
        assertThat(t.sector(o1)).isNull();
        assertThat(t.occupationSkills(o1, Importance.ESSENTIAL)).containsExactly(s1);
        assertThat(t.occupationSkills(o1, Importance.OPTIONAL)).containsExactly(s2);
        assertThat(t.occupationSkills(o2, Importance.OPTIONAL)).containsExactly(s3);
        assertThat(t.occupationSkillRelationCount()).isEqualTo(3);

        assertThat(result.untypedSkills()).isEqualTo(1);
        assertThat(result.skippedBroader()).isEqualTo(2);
        assertThat(result.skippedRelated()).isEqualTo(1);
        assertThat(result.skippedOccupationSkills()).isEqualTo(2);
        assertThat(result.skippedTranslations()).isEqualTo(1);
        assertThat(messages).contains(
                "skills_en.csv: 3 skills and knowledge (1 without skillType, loaded as skill)",
                "broaderRelationsSkillPillar.csv: 2 broader relations, 2 skipped (concept in neither skills nor skill groups)",
                "occupationSkillRelations.csv: 3 occupation-skill relations, 2 skipped (unknown occupation or skill)",
                "skills_nl.csv: 1 labels in nl, 1 skipped (unknown concept)");
        assertThat(messages.get(messages.size() - 1)).startsWith("ESCO 1.1.1 loaded in ");
        assertThat(EscoLoader.load(dir).fingerprint()).isEqualTo(t.fingerprint());
    }

    @Test
    void reportsEveryMissingFile() throws IOException {
        Files.delete(dir.resolve("skillSkillRelations.csv"));
        Files.delete(dir.resolve("occupations_en.csv"));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> EscoLoader.load(dir));
        assertThat(e.problems()).extracting(Problem::path)
                .containsExactly("skillSkillRelations.csv", "occupations_en.csv");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> EscoLoader.load(dir.resolve("nope")))
                .getMessage()).startsWith("not a directory: ");
    }

    @Test
    void reportsMissingColumnsAndMalformedValuesWithFileAndRow() throws IOException {
        write("skills_en.csv", "conceptUri,skillType,preferredLabel\n"
                + "S1,skill/competence,weld metal\nS2,talent,metallurgy\nS1,knowledge,again\n,knowledge,nothing\n");
        write("skillSkillRelations.csv", "originalSkillUri,relationType\nS1,essential\n");
        write("occupations_en.csv", "conceptUri,iscoGroup,preferredLabel\nO1,72x2,welder\n");
        write("occupationSkillRelations.csv", "occupationUri,relationType,skillUri\nO1,high,S1\n");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> EscoLoader.load(dir));
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                "skills_en.csv row 2: skillType \"talent\" is not one of skill/competence, knowledge",
                "skills_en.csv row 3: concept " + S + "1 is listed twice (in skills or skill groups)",
                "skills_en.csv row 4: conceptUri is empty",
                "skillSkillRelations.csv: missing column \"relatedSkillUri\"",
                "occupations_en.csv row 1: iscoGroup \"72x2\" is not an ISCO-08 code of 1 to 4 digits",
                "occupationSkillRelations.csv row 1: relationType \"high\" is not one of essential, optional");
    }

    @Test
    void reportsMalformedCsvWithFileAndRow() throws IOException {
        write("occupations_en.csv", "conceptUri,iscoGroup,preferredLabel\nO1,7212,welder\nO2,7212,\"helper\" x\n");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> EscoLoader.load(dir));
        assertThat(e.problems()).singleElement().asString().startsWith("occupations_en.csv row 2: not well-formed CSV: ");
    }

    @Test
    void refusesABroaderCycleNamingItsIds() throws IOException {
        write("broaderRelationsSkillPillar.csv", "conceptUri,broaderUri\nS1,S2\nS2,S1\n");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> EscoLoader.load(dir));
        assertThat(e.problems()).singleElement().asString()
                .startsWith("broaderRelationsSkillPillar.csv: ")
                .contains("cycle: " + S + "1 -> " + S + "2 -> " + S + "1");
    }
}
