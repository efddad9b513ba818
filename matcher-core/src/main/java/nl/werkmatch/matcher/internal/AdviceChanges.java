package nl.werkmatch.matcher.internal;

import java.util.Locale;

import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.DutchLevels;
import nl.werkmatch.matcher.model.LanguageSkill;

/** Small pieces both advisors build their changes and summaries from. */
final class AdviceChanges {
    private AdviceChanges() {
    }

    /** The same levels with one language skill at {@code level}. */
    static DutchLevels with(DutchLevels d, LanguageSkill s, Cefr level) {
        return new DutchLevels(s == LanguageSkill.LISTENING ? level : d.listening(),
                s == LanguageSkill.READING ? level : d.reading(),
                s == LanguageSkill.SPEAKING ? level : d.speaking(),
                s == LanguageSkill.WRITING ? level : d.writing());
    }

    /** An enumeration value as a summary writes it ("speaking", "leerwerktraject"). */
    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
