package nl.werkmatch.matcher.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.model.Importance;

class TaxonomyJsonTest {
    /** Single quotes stand for double quotes, to keep the documents readable. */
    private static SkillTaxonomy load(String json) throws IOException {
        return TaxonomyJson.load(new ByteArrayInputStream(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> problems(String json) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> load(json));
        assertThat(e).as("expected an InvalidInputException").isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    /** A valid document with the given skills and occupations arrays. */
    private static String doc(String skills, String occupations) {
        return "{'id':'t','version':'1','defaultLanguage':'nl','skills':[" + skills + "],'occupations':["
                + occupations + "]}";
    }

    private static String skill(String id, String label, String broader) {
        return "{'id':'" + id + "','type':'SKILL','labels':{'nl':'" + label + "'},'broader':[" + broader + "]}";
    }

    @Test
    void loadsEveryField() throws IOException {
        SkillTaxonomy t = load("""
                {'id':'werkmatch-test','version':'3','defaultLanguage':'nl','description':'a test',
                 'completeLanguages':['nl','en'],'partialLanguages':['ar'],
                 'skills':[
                  {'id':'s-metaal','type':'GROUP','labels':{'nl':'Metaalbewerking','en':'Metalworking'}},
                  {'id':'s-lassen','type':'SKILL','labels':{'nl':'Lassen','en':'Welding','ar':'لحام'},
                   'altLabels':{'nl':['Elektrisch lassen','Booglassen']},'broader':['s-metaal'],'related':['s-veilig']},
                  {'id':'s-veilig','type':'KNOWLEDGE','labels':{'nl':'Veiligheidsvoorschriften','en':'Safety rules'},
                   'altLabels':{},'broader':[],'related':[]}],
                 'occupations':[
                  {'id':'o-lasser','labels':{'nl':'Lasser','en':'Welder'},'altLabels':{'en':['Welding operator']},
                   'isco':'7212','sector':'techniek',
                   'skills':[{'id':'s-lassen','relevance':'ESSENTIAL'},{'id':'s-veilig','relevance':'IMPORTANT'},
                             {'id':'s-metaal','relevance':'OPTIONAL'}]},
                  {'id':'o-helper','labels':{'nl':'Helper','en':'Helper'},'skills':[]}]}
                """);
        assertThat(t.id()).isEqualTo("werkmatch-test");
        assertThat(t.version()).isEqualTo("3");
        assertThat(t.languages()).containsExactly("nl", "en", "ar");
        assertThat(t.size()).isEqualTo(3);
        int metaal = t.indexOf("s-metaal");
        int lassen = t.indexOf("s-lassen");
        int veilig = t.indexOf("s-veilig");
        assertThat(new int[] {metaal, lassen, veilig}).containsExactly(0, 1, 2);
        assertThat(t.type(metaal)).isEqualTo(SkillType.GROUP);
        assertThat(t.type(veilig)).isEqualTo(SkillType.KNOWLEDGE);
        assertThat(t.label(lassen, "en")).isEqualTo("Welding");
        assertThat(t.labelIn(lassen, "ar")).isEqualTo("لحام");
        assertThat(t.label(veilig, "ar")).isEqualTo("Veiligheidsvoorschriften");
        assertThat(t.altLabels(lassen, "nl")).containsExactly("Elektrisch lassen", "Booglassen");
        assertThat(t.broader(lassen)).containsExactly(metaal);
        assertThat(t.narrower(metaal)).containsExactly(lassen);
        assertThat(t.related(lassen)).containsExactly(veilig);

        int lasser = t.occupationIndexOf("o-lasser");
        assertThat(t.occupationLabel(lasser, "en")).isEqualTo("Welder");
        assertThat(t.occupationAltLabels(lasser, "en")).containsExactly("Welding operator");
        assertThat(t.isco(lasser)).isEqualTo("7212");
        assertThat(t.sector(lasser)).isEqualTo("techniek");
        assertThat(t.occupationSkills(lasser, Importance.ESSENTIAL)).containsExactly(lassen);
        assertThat(t.occupationSkills(lasser, Importance.IMPORTANT)).containsExactly(veilig);
        assertThat(t.occupationSkills(lasser, Importance.OPTIONAL)).containsExactly(metaal);
        int helper = t.occupationIndexOf("o-helper");
        assertThat(t.isco(helper)).isNull();
        assertThat(t.sector(helper)).isNull();
        assertThat(t.occupationSkillRelationCount()).isEqualTo(3);
    }

    @Test
    void loadsFromAFileAndGivesEqualFingerprints(@TempDir Path dir) throws IOException {
        String json = doc(skill("s-a", "A", "") + "," + skill("s-b", "B", "'s-a'"), "");
        Path file = dir.resolve("t.json");
        Files.writeString(file, json.replace('\'', '"'));
        assertThat(TaxonomyJson.load(file).fingerprint()).isEqualTo(load(json).fingerprint());
    }

    @Test
    void unknownBroaderSkill() {
        assertThat(problems(doc(skill("s-a", "A", "") + "," + skill("s-b", "B", "'s-a','s-x'"), "")))
                .containsExactly("skills[1].broader[1]: unknown skill \"s-x\"");
    }

    @Test
    void unknownRelatedSelfReferenceAndRepeatedReference() {
        String s = "{'id':'s-a','type':'SKILL','labels':{'nl':'A'},'related':['s-b','s-a','s-b','s-y']},"
                + skill("s-b", "B", "'s-b'");
        assertThat(problems(doc(s, ""))).containsExactly(
                "skills[0].related[1]: a skill cannot refer to itself",
                "skills[0].related[2]: \"s-b\" is listed twice",
                "skills[0].related[3]: unknown skill \"s-y\"",
                "skills[1].broader[0]: a skill cannot refer to itself");
    }

    @Test
    void duplicateSkillAndOccupationIds() {
        String skills = skill("s-a", "A", "") + "," + skill("s-b", "B", "") + "," + skill("s-a", "C", "");
        String occupations = "{'id':'o-1','labels':{'nl':'Een'},'skills':[]},"
                + "{'id':'o-1','labels':{'nl':'Twee'},'skills':[]}";
        assertThat(problems(doc(skills, occupations))).containsExactly(
                "skills[2].id: duplicate of skills[0]",
                "occupations[1].id: duplicate of occupations[0]");
    }

    @Test
    void relevanceOutsideTheEnumeration() {
        String occupations = "{'id':'o-1','labels':{'nl':'Een'},'skills':[{'id':'s-a','relevance':'ESSENTIAL'},"
                + "{'id':'s-a2','relevance':'HIGH'}]}";
        assertThat(problems(doc(skill("s-a", "A", "") + "," + skill("s-a2", "A2", ""), occupations)))
                .containsExactly("occupations[0].skills[1].relevance: \"HIGH\" is not one of ESSENTIAL, IMPORTANT, OPTIONAL");
    }

    @Test
    void occupationSkillsMustBeKnownOnceAndComplete() {
        String occupations = "{'id':'o-1','labels':{'nl':'Een'},'skills':[{'id':'s-a','relevance':'ESSENTIAL'},"
                + "{'id':'s-x','relevance':'OPTIONAL'},{'id':'s-a','relevance':'OPTIONAL'},{'relevance':'OPTIONAL'},"
                + "{'id':'s-a'},'s-a']},{'id':'o-2','labels':{'nl':'Twee'}}";
        assertThat(problems(doc(skill("s-a", "A", ""), occupations))).containsExactly(
                "occupations[0].skills[1].id: unknown skill \"s-x\"",
                "occupations[0].skills[2].id: duplicate of occupations[0].skills[0]",
                "occupations[0].skills[3].id: missing",
                "occupations[0].skills[4].relevance: missing",
                "occupations[0].skills[4].id: duplicate of occupations[0].skills[0]",
                "occupations[0].skills[5]: must be an object with \"id\" and \"relevance\"",
                "occupations[1].skills: missing");
    }

    @Test
    void duplicatePreferredLabelInOneLanguageIgnoringCase() {
        String skills = skill("s-las", "Lassen", "") + "," + skill("s-b", "Boren", "") + ","
                + "{'id':'s-c','type':'SKILL','labels':{'nl':'lassen ','en':'Welding'}}";
        String occupations = "{'id':'o-1','labels':{'nl':'Lassen'},'skills':[]}";   // occupations are separate
        assertThat(problems(doc(skills, occupations)))
                .containsExactly("skills[2].labels.nl: duplicate label \"lassen\" (also skills[0])");
    }

    @Test
    void duplicateOccupationLabel() {
        String occupations = "{'id':'o-1','labels':{'nl':'Lasser'},'skills':[]},"
                + "{'id':'o-2','labels':{'nl':'Lasser'},'skills':[]}";
        assertThat(problems(doc(skill("s-a", "A", ""), occupations)))
                .containsExactly("occupations[1].labels.nl: duplicate label \"Lasser\" (also occupations[0])");
    }

    @Test
    void broaderCycleNamesTheIdsOnIt() {
        String skills = skill("s-a", "A", "'s-b'") + "," + skill("s-b", "B", "'s-c'") + ","
                + skill("s-c", "C", "'s-a'") + "," + skill("s-d", "D", "'s-a'");
        assertThat(problems(doc(skills, ""))).containsExactly(
                "skills[0].broader: broader relations form a cycle: \"s-a\" -> \"s-b\" -> \"s-c\" -> \"s-a\"");
    }

    @Test
    void everyCycleIsReportedFromItsFirstSkill() {
        String skills = skill("s-top", "Top", "") + "," + skill("s-x", "X", "'s-y'") + ","
                + skill("s-p", "P", "'s-q'") + "," + skill("s-y", "Y", "'s-x','s-top'") + ","
                + skill("s-q", "Q", "'s-p'");
        assertThat(problems(doc(skills, ""))).containsExactly(
                "skills[1].broader: broader relations form a cycle: \"s-x\" -> \"s-y\" -> \"s-x\"",
                "skills[2].broader: broader relations form a cycle: \"s-p\" -> \"s-q\" -> \"s-p\"");
    }

    @Test
    void missingLabelInTheDefaultLanguage() {
        String skills = "{'id':'s-a','type':'SKILL','labels':{'en':'Welding'}},{'id':'s-b','type':'SKILL'}";
        String occupations = "{'id':'o-1','labels':{'en':'Welder'},'skills':[]}";
        assertThat(problems(doc(skills, occupations))).containsExactly(
                "skills[0].labels.nl: missing label in the default language",
                "skills[1].labels: missing",
                "occupations[0].labels.nl: missing label in the default language");
    }

    @Test
    void completeLanguagesMustBeCompleteAndLabelsDeclared() {
        assertThat(problems("""
                {'id':'t','version':'1','defaultLanguage':'nl','completeLanguages':['nl','en'],
                 'partialLanguages':['ar','en','ar'],
                 'skills':[{'id':'s-a','type':'SKILL','labels':{'nl':'A','de':'A'},'altLabels':{'fr':['a']}}],
                 'occupations':[{'id':'o-1','labels':{'nl':'Een','en':'One'},'skills':[]}]}
                """)).containsExactly(
                "partialLanguages[2]: \"ar\" is listed twice",
                "partialLanguages: \"en\" is also listed in completeLanguages",
                "skills[0].labels.de: language \"de\" is not declared in completeLanguages or partialLanguages",
                "skills[0].labels.en: missing label in \"en\", listed in completeLanguages",
                "skills[0].altLabels.fr: language \"fr\" is not declared in completeLanguages or partialLanguages");
    }

    @Test
    void unknownFieldsAnywhere() {
        assertThat(problems("""
                {'id':'t','version':'1','defaultLanguage':'nl','name':'x',
                 'skills':[{'id':'s-a','type':'SKILL','lables':{'nl':'A'},'labels':{'nl':'A'}}],
                 'occupations':[{'id':'o-1','labels':{'nl':'Een'},'skills':[{'id':'s-a','relevance':'OPTIONAL','weight':2}]}]}
                """)).containsExactly(
                "name: unknown field (expected one of id, version, defaultLanguage, description, completeLanguages, "
                        + "partialLanguages, skills, occupations)",
                "skills[0].lables: unknown field (expected one of id, type, labels, altLabels, broader, related)",
                "occupations[0].skills[0].weight: unknown field (expected one of id, relevance)");
    }

    @Test
    void missingAndMistypedValues() {
        assertThat(problems("""
                {'version':1,'defaultLanguage':'Dutch','description':null,'completeLanguages':'nl',
                 'skills':[{'id':'','type':'TALENT','labels':{'nl':'A','xx_1':'B'},'altLabels':{'nl':'a'},'broader':'s-b'},
                           {'id':7,'type':'SKILL','labels':{'nl':' '},'altLabels':{'nl':['ok',3]},'related':{}},
                           'not a skill'],
                 'occupations':{}}
                """)).containsExactly(
                "id: missing",
                "version: must be a string",
                "defaultLanguage: \"Dutch\" is not a language code like \"nl\" or \"pt-BR\"",
                "completeLanguages: must be an array of language codes",
                "occupations: must be an array",
                "skills[0].id: must not be blank",
                "skills[0].type: \"TALENT\" is not one of SKILL, KNOWLEDGE, GROUP",
                "skills[0].labels.xx_1: \"xx_1\" is not a language code like \"nl\" or \"pt-BR\"",
                "skills[0].altLabels.nl: must be an array of labels",
                "skills[0].broader: must be an array of skill ids",
                "skills[1].id: must be a string",
                "skills[1].labels.nl: must not be blank",
                "skills[1].altLabels.nl[1]: must be a string",
                "skills[1].related: must be an array of skill ids",
                "skills[2]: must be an object");
    }

    @Test
    void iscoAndSector() {
        String occupations = "{'id':'o-1','labels':{'nl':'Een'},'isco':'72a','sector':'','skills':[]},"
                + "{'id':'o-2','labels':{'nl':'Twee'},'isco':7212,'skills':[]},"
                + "{'id':'o-3','labels':{'nl':'Drie'},'isco':'72121','skills':[]},"
                + "{'id':'o-4','labels':{'nl':'Vier'},'isco':'7','sector':null,'skills':[]}";
        assertThat(problems(doc(skill("s-a", "A", ""), occupations))).containsExactly(
                "occupations[0].isco: \"72a\" is not an ISCO-08 code of 1 to 4 digits",
                "occupations[0].sector: must not be blank",
                "occupations[1].isco: must be a string",
                "occupations[2].isco: \"72121\" is not an ISCO-08 code of 1 to 4 digits");
    }

    @Test
    void malformedJsonIsOneProblemWithItsPlace() {
        assertThat(problems("{'id':'t',\n'version':}")).singleElement().asString()
                .startsWith("not valid JSON: ").contains("line 2");
        assertThat(problems("{'id':'t','id':'u'}")).singleElement().asString().contains("Duplicate field 'id'");
        assertThat(problems("{} {}")).singleElement().asString().startsWith("not valid JSON: ");
        assertThat(problems("")).containsExactly("the taxonomy document is empty");
        assertThat(problems("[]")).containsExactly("a taxonomy must be a JSON object");
    }

    @Test
    void missingResource() {
        assertThatThrownBy(() -> TaxonomyJson.loadResource("/nl/werkmatch/matcher/taxonomy/no-such.json"))
                .isInstanceOf(FileNotFoundException.class).hasMessageContaining("no-such.json");
    }

    @Test
    void builderRefusesACycleNamingItsIds() {
        SkillTaxonomy.Builder b = SkillTaxonomy.builder("t", "1", "nl");
        b.addConcept("a", SkillType.SKILL, Map.of("nl", "A"), Map.of(), List.of("b"), List.of());
        b.addConcept("b", SkillType.SKILL, Map.of("nl", "B"), Map.of(), List.of("a"), List.of());
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cycle: a -> b -> a");
    }
}
