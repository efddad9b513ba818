package nl.werkmatch.matcher.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void stripsDiacriticsCaseAndPunctuation() {
        assertThat(Names.key("Súdwest-Fryslân")).isEqualTo("sudwestfryslan");
        assertThat(Names.key("  's-Hertogenbosch ")).isEqualTo("shertogenbosch");
        assertThat(Names.key("Zaanstreek/Waterland")).isEqualTo("zaanstreekwaterland");
        assertThat(Names.key("Nuenen c.a.")).isEqualTo("nuenenca");
        assertThat(Names.key("Bergen (L)")).isEqualTo("bergenl");
        assertThat(Names.key("Babyloniënbroek")).isEqualTo("babylonienbroek");
    }

    @Test
    void equalKeysForSpellingVariants() {
        assertThat(Names.key("DEN\tHAAG")).isEqualTo(Names.key("den haag"));
        assertThat(Names.key("Groot-Amsterdam")).isEqualTo(Names.key("groot amsterdam"));
        assertThat(Names.key("Nuenen c.a.")).isEqualTo(Names.key("nuenen ca"));
        // Composed and decomposed forms of the same letter.
        assertThat(Names.key("Frysla\u0302n")).isEqualTo(Names.key("Frysl\u00e2n"));
    }

    @Test
    void nothingButPunctuationIsEmpty() {
        assertThat(Names.key(" -/. ")).isEmpty();
    }
}
