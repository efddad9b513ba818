package nl.werkmatch.matcher.audit;

import java.util.Locale;
import java.util.Map;

/** The report's words in Dutch and English. Every text is plain (no markup), so it is safe in HTML as it is. */
final class Text {
    private static final Map<String, String> NL = Map.ofEntries(
            Map.entry("title", "Inclusie-audit: wie wordt nooit aanbevolen?"),
            Map.entry("subtitle", "Vacatures open op %s; per vacature de beste %d kandidaten met een score van minstens %s; %s."),
            Map.entry("country", "heel Nederland"),
            Map.entry("cardProfiles", "profielen"),
            Map.entry("cardRecommended", "minstens één keer aanbevolen"),
            Map.entry("cardNever", "nooit aanbevolen"),
            Map.entry("cardVacancies", "open vacatures"),
            Map.entry("cardUnfilled", "vacatures zonder geschikte kandidaat"),
            Map.entry("groupsTitle", "Aanbevolen per groep"),
            Map.entry("groupsNote", "Balk: het deel van de groep dat op minstens één lijst staat. De stippellijn ligt op 0,8 keer"
                    + " de hoogste groep (de vier-vijfderegel); een rode balk ligt eronder. Waarden met minder dan 10 profielen"
                    + " staan samen in één rij, zodat niemand herkenbaar is."),
            Map.entry("attr.gender", "Geslacht"),
            Map.entry("attr.ageBand", "Leeftijd"),
            Map.entry("attr.countryOfOrigin", "Land van herkomst"),
            Map.entry("attr.inburgeringRoute", "Inburgeringsroute"),
            Map.entry("attr.educationLevel", "Opleidingsniveau"),
            Map.entry("attr.workAuthorization", "Toestemming om te werken"),
            Map.entry("attr.labourMarketRegion", "Arbeidsmarktregio"),
            Map.entry("tooFew", "Minder dan 10 profielen in totaal: niets getoond."),
            Map.entry("fourFifthsLine", "0,8 × hoogste groep"),
            Map.entry("value", "waarde"),
            Map.entry("profiles", "profielen"),
            Map.entry("recommended", "aanbevolen"),
            Map.entry("rate", "deel aanbevolen"),
            Map.entry("slotShare", "deel van de plaatsen"),
            Map.entry("profileShare", "deel van de profielen"),
            Map.entry("ratio", "t.o.v. hoogste"),
            Map.entry("congestionTitle", "Hoe ongelijk zijn de plaatsen op de lijsten verdeeld?"),
            Map.entry("lorenzX", "profielen, van minst naar meest aanbevolen"),
            Map.entry("lorenzY", "deel van alle plaatsen"),
            Map.entry("equality", "gelijke verdeling"),
            Map.entry("gini", "Gini-coëfficiënt"),
            Map.entry("top1", "plaatsen van de meest aanbevolen 1%"),
            Map.entry("top10", "plaatsen van de meest aanbevolen 10%"),
            Map.entry("slots", "plaatsen op lijsten in totaal"),
            Map.entry("mostExposed", "meeste lijsten per profiel"),
            Map.entry("congestionNote", "Alleen aantallen, geen id's: wie het vaakst wordt aanbevolen is hier niet te herleiden."),
            Map.entry("neverTitle", "Nooit aanbevolen"),
            Map.entry("byRegion", "Per arbeidsmarktregio"),
            Map.entry("byReason", "Per reden"),
            Map.entry("none", "Niemand."),
            Map.entry("reason.OUTRANKED", "steeds anderen hoger"),
            Map.entry("reason.BELOW_MIN_SCORE", "onder de minimumscore"),
            Map.entry("reason.NOT_ALLOWED_TO_WORK", "mag niet werken"),
            Map.entry("reason.LANGUAGE_GAP", "Nederlands te ver onder de eis"),
            Map.entry("reason.TRAVEL_LIMIT", "buiten de eigen reisafstand"),
            Map.entry("reason.LANGUAGE_GAP_AND_TRAVEL_LIMIT", "taal én reisafstand"),
            Map.entry("reason.SKILL_FLOOR", "te weinig passende vaardigheden"),
            Map.entry("reason.OTHER_HARD_FILTERS", "andere harde eisen"),
            Map.entry("reasonLong.OUTRANKED", "Past bij minstens één open vacature (alle harde eisen, minimumscore), maar komt nooit in de top."),
            Map.entry("reasonLong.BELOW_MIN_SCORE", "Voldoet ergens aan alle harde eisen, maar haalt nergens de minimumscore."),
            Map.entry("reasonLong.NOT_ALLOWED_TO_WORK", "Heeft geen toestemming om te werken (NOT_ALLOWED)."),
            Map.entry("reasonLong.LANGUAGE_GAP", "Zou ergens passen als een groter verschil in Nederlands was toegestaan."),
            Map.entry("reasonLong.TRAVEL_LIMIT", "Zou ergens passen bij reizen voorbij de eigen maximale afstand."),
            Map.entry("reasonLong.LANGUAGE_GAP_AND_TRAVEL_LIMIT", "Zou pas passen met zowel meer ruimte in het Nederlands als verder reizen."),
            Map.entry("reasonLong.SKILL_FLOOR", "Toont voor geen enkele open vacature die verder past genoeg passende"
                    + " vaardigheden (onder de vaardighedendrempel), soms ook naast taal of afstand."),
            Map.entry("reasonLong.OTHER_HARD_FILTERS", "Geen open vacature past, ook niet met meer taalruimte, afstand en zonder vaardighedendrempel:"
                    + " werkvergunning, soort baan, uren of beschikbaarheid."),
            Map.entry("reasonColumn", "reden"),
            Map.entry("explanation", "betekenis"),
            Map.entry("neverList", "De eerste %d van %s (allemaal in de JSON)"),
            Map.entry("eligible", "geschikte vacatures"),
            Map.entry("unfilledTitle", "Vacatures waar niemand bij past"),
            Map.entry("unfilledList", "De eerste %d van %s"),
            Map.entry("vacancyTitle", "functie"),
            Map.entry("remote", "op afstand"),
            Map.entry("footer", "Gemaakt door Werkmatch uit de eigen ranglijsten van de matcher; de audit verandert niets."
                    + " Geslacht, geboortejaar en herkomst tellen nooit mee in de score."),
            Map.entry("adviceTitle", "Wat zou helpen"),
            Map.entry("adviceCoverage", "Advies berekend voor %s van de %s nooit aanbevolen profielen en %s van de %s"
                    + " vacatures zonder geschikte kandidaat. Bereikbaar: een open vacature (of kandidaat) die aan alle harde"
                    + " eisen voldoet en een score van minstens %s haalt."),
            Map.entry("adviceOrder", "Eerst wie nergens past maar met een eigen verandering (Nederlands, reisafstand,"
                    + " vaardigheden, uren) wel; daarna wie steeds anderen voor zich ziet; als laatste wie niet mag werken."),
            Map.entry("adviceColumn", "beste veranderingen (erbij bereikbaar)"),
            Map.entry("reachableNow", "nu bereikbaar"),
            Map.entry("noSuggestion", "geen enkele verandering maakt meer bereikbaar"),
            Map.entry("kind.LEARN_SKILL", "vaardigheid leren"),
            Map.entry("kind.DUTCH_LEVEL", "Nederlands, één onderdeel hoger"),
            Map.entry("kind.DUTCH_ALL", "Nederlands, alle onderdelen hoger"),
            Map.entry("kind.ENGLISH_LEVEL", "Engels"),
            Map.entry("kind.DIPLOMA_RECOGNITION", "diploma laten erkennen"),
            Map.entry("kind.JOB_TYPE", "ander soort baan"),
            Map.entry("kind.HOURS", "andere uren"),
            Map.entry("kind.TRAVEL_DISTANCE", "verder reizen"),
            Map.entry("kind.LOWER_DUTCH", "lager niveau Nederlands vragen"),
            Map.entry("kind.LANGUAGE_SUPPORT", "taalondersteuning op de werkvloer"),
            Map.entry("kind.ACCEPT_ENGLISH", "Engels accepteren"),
            Map.entry("kind.ESSENTIAL_TO_IMPORTANT", "vaardigheid niet meer verplicht"),
            Map.entry("kind.LOWER_EDUCATION", "lager opleidingsniveau vragen"),
            Map.entry("kind.SPONSOR_PERMIT", "werkvergunning (TWV) regelen"),
            Map.entry("v.unknown", "onbekend"),
            Map.entry("v.other (fewer than 10 each)", "overig (minder dan 10 elk)"),
            Map.entry("v.F", "vrouw (F)"),
            Map.entry("v.M", "man (M)"),
            Map.entry("v.FREE", "vrij (FREE)"),
            Map.entry("v.PERMIT_REQUIRED", "met vergunning (PERMIT_REQUIRED)"),
            Map.entry("v.NOT_ALLOWED", "niet toegestaan (NOT_ALLOWED)"),
            Map.entry("v.NONE", "geen (NONE)"),
            Map.entry("v.under 25", "jonger dan 25"));

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("title", "Inclusion audit: who is never recommended?"),
            Map.entry("subtitle", "Vacancies open on %s; per vacancy its best %d candidates scoring at least %s; %s."),
            Map.entry("country", "the whole Netherlands"),
            Map.entry("cardProfiles", "profiles"),
            Map.entry("cardRecommended", "recommended at least once"),
            Map.entry("cardNever", "never recommended"),
            Map.entry("cardVacancies", "open vacancies"),
            Map.entry("cardUnfilled", "vacancies without an eligible candidate"),
            Map.entry("groupsTitle", "Recommended by group"),
            Map.entry("groupsNote", "Bar: the share of the group on at least one list. The dashed line is at 0.8 times the"
                    + " best group (the four-fifths rule); a red bar lies below it. Values with fewer than 10 profiles are"
                    + " merged into one row, so that no one can be singled out."),
            Map.entry("attr.gender", "Gender"),
            Map.entry("attr.ageBand", "Age"),
            Map.entry("attr.countryOfOrigin", "Country of origin"),
            Map.entry("attr.inburgeringRoute", "Inburgering route"),
            Map.entry("attr.educationLevel", "Education level"),
            Map.entry("attr.workAuthorization", "Work authorization"),
            Map.entry("attr.labourMarketRegion", "Labour market region"),
            Map.entry("tooFew", "Fewer than 10 profiles in all: nothing shown."),
            Map.entry("fourFifthsLine", "0.8 × best group"),
            Map.entry("value", "value"),
            Map.entry("profiles", "profiles"),
            Map.entry("recommended", "recommended"),
            Map.entry("rate", "recommended rate"),
            Map.entry("slotShare", "share of places"),
            Map.entry("profileShare", "share of profiles"),
            Map.entry("ratio", "ratio to best"),
            Map.entry("congestionTitle", "How unevenly are the list places spread?"),
            Map.entry("lorenzX", "profiles, least to most recommended"),
            Map.entry("lorenzY", "share of all places"),
            Map.entry("equality", "equal spread"),
            Map.entry("gini", "Gini coefficient"),
            Map.entry("top1", "places held by the most recommended 1%"),
            Map.entry("top10", "places held by the most recommended 10%"),
            Map.entry("slots", "list places in all"),
            Map.entry("mostExposed", "most lists per profile"),
            Map.entry("congestionNote", "Counts only, no ids: who is recommended most cannot be read from this."),
            Map.entry("neverTitle", "Never recommended"),
            Map.entry("byRegion", "By labour market region"),
            Map.entry("byReason", "By reason"),
            Map.entry("none", "No one."),
            Map.entry("reason.OUTRANKED", "always outranked"),
            Map.entry("reason.BELOW_MIN_SCORE", "below the minimum score"),
            Map.entry("reason.NOT_ALLOWED_TO_WORK", "not allowed to work"),
            Map.entry("reason.LANGUAGE_GAP", "Dutch too far below"),
            Map.entry("reason.TRAVEL_LIMIT", "beyond own travel limit"),
            Map.entry("reason.LANGUAGE_GAP_AND_TRAVEL_LIMIT", "language and travel limit"),
            Map.entry("reason.SKILL_FLOOR", "too little skill evidence"),
            Map.entry("reason.OTHER_HARD_FILTERS", "other hard filters"),
            Map.entry("reasonLong.OUTRANKED", "Fits at least one open vacancy (every hard filter, the minimum score) but never reaches its top."),
            Map.entry("reasonLong.BELOW_MIN_SCORE", "Passes every hard filter somewhere but never reaches the minimum score."),
            Map.entry("reasonLong.NOT_ALLOWED_TO_WORK", "Is not allowed to work (NOT_ALLOWED)."),
            Map.entry("reasonLong.LANGUAGE_GAP", "Would fit somewhere if a wider gap in Dutch were allowed."),
            Map.entry("reasonLong.TRAVEL_LIMIT", "Would fit somewhere when travelling beyond their own limit."),
            Map.entry("reasonLong.LANGUAGE_GAP_AND_TRAVEL_LIMIT", "Would fit only with both a wider Dutch gap and longer travel."),
            Map.entry("reasonLong.SKILL_FLOOR", "Shows too few of the skills asked (below the skill floor) for every open"
                    + " vacancy that otherwise fits, sometimes besides language or travel."),
            Map.entry("reasonLong.OTHER_HARD_FILTERS", "No open vacancy fits, even with the language gap, travel limit and skill floor"
                    + " relaxed: work permit, job type, hours or availability."),
            Map.entry("reasonColumn", "reason"),
            Map.entry("explanation", "meaning"),
            Map.entry("neverList", "The first %d of %s (all of them in the JSON)"),
            Map.entry("eligible", "eligible vacancies"),
            Map.entry("unfilledTitle", "Vacancies no one fits"),
            Map.entry("unfilledList", "The first %d of %s"),
            Map.entry("vacancyTitle", "title"),
            Map.entry("remote", "remote"),
            Map.entry("footer", "Made by Werkmatch from the matcher's own rankings; the audit changes nothing. Gender, birth"
                    + " year and origin never count in the score."),
            Map.entry("adviceTitle", "What would help"),
            Map.entry("adviceCoverage", "Advice computed for %s of the %s never-recommended profiles and %s of the %s"
                    + " vacancies no one fits. Reachable: an open vacancy (or candidate) that passes every hard filter and"
                    + " scores at least %s."),
            Map.entry("adviceOrder", "First those who fit nowhere but would with a change of their own (Dutch, travel,"
                    + " skills, hours); then those always outranked; last those not allowed to work."),
            Map.entry("adviceColumn", "best changes (newly reachable)"),
            Map.entry("reachableNow", "reachable now"),
            Map.entry("noSuggestion", "no single change reaches more"),
            Map.entry("kind.LEARN_SKILL", "learn a skill"),
            Map.entry("kind.DUTCH_LEVEL", "Dutch, one skill a level up"),
            Map.entry("kind.DUTCH_ALL", "Dutch, every skill a level up"),
            Map.entry("kind.ENGLISH_LEVEL", "English"),
            Map.entry("kind.DIPLOMA_RECOGNITION", "get the diploma recognised"),
            Map.entry("kind.JOB_TYPE", "another job type"),
            Map.entry("kind.HOURS", "other hours"),
            Map.entry("kind.TRAVEL_DISTANCE", "travel farther"),
            Map.entry("kind.LOWER_DUTCH", "ask a lower Dutch level"),
            Map.entry("kind.LANGUAGE_SUPPORT", "language support at work"),
            Map.entry("kind.ACCEPT_ENGLISH", "accept English"),
            Map.entry("kind.ESSENTIAL_TO_IMPORTANT", "make a skill no longer essential"),
            Map.entry("kind.LOWER_EDUCATION", "ask a lower education level"),
            Map.entry("kind.SPONSOR_PERMIT", "sponsor a work permit (TWV)"),
            Map.entry("v.F", "woman (F)"),
            Map.entry("v.M", "man (M)"));

    private final Map<String, String> words;

    Text(AuditHtml.Language language) {
        this.words = language == AuditHtml.Language.NL ? NL : EN;
    }

    String get(String key) {
        String w = words.get(key);
        if (w == null) {
            throw new IllegalStateException("no text for " + key);
        }
        return w;
    }

    String format(String key, Object... args) {
        return String.format(Locale.ROOT, get(key), args);
    }

    /** A group value in words where the report knows one, else the value as stored. */
    String value(String value) {
        return words.getOrDefault("v." + value, value);
    }
}
