package nl.werkmatch.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.werkmatch.matcher.scoring.Explanation;
import nl.werkmatch.matcher.scoring.Explanation.LanguageSkillFit;
import nl.werkmatch.matcher.scoring.Explanation.SkillMatch;

/** A one-line summary of an explanation for a table: "3/4 skills, missing Lassen; Dutch gap 1; 12 km; over-qualified". */
final class Why {
    private Why() {
    }

    static String of(Explanation e) {
        List<String> parts = new ArrayList<>();
        List<SkillMatch> skills = e.skills();
        if (!skills.isEmpty()) {
            List<SkillMatch> missing = skills.stream().filter(SkillMatch::missing).toList();
            String part = (skills.size() - missing.size()) + "/" + skills.size() + " skills";
            if (!missing.isEmpty()) {
                part += ", missing " + missing.get(0).requiredLabel() + (missing.size() > 1 ? " +" + (missing.size() - 1) : "");
            }
            parts.add(part);
        }
        int gap = e.language().skills().stream().mapToInt(LanguageSkillFit::gap).max().orElse(0);
        if (gap > 0 && !e.language().englishBridged()) {
            parts.add("Dutch gap " + gap);
        } else if (e.language().englishBridged()) {
            parts.add("English instead of Dutch");
        } else {
            parts.add("Dutch ok");
        }
        parts.add(e.distance().remote() ? "remote" : String.format(Locale.ROOT, "%.0f km", e.distance().km()));
        switch (e.level().qualification()) {
            case OVER -> parts.add("over-qualified");
            case UNDER -> parts.add("under-qualified");
            case MATCH, NOT_REQUIRED -> { }
        }
        if (e.preference().wanted()) {
            parts.add("wanted job");
        }
        return String.join("; ", parts);
    }
}
