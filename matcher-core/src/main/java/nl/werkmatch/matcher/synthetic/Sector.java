package nl.werkmatch.matcher.synthetic;

import java.util.List;
import java.util.Locale;

import nl.werkmatch.matcher.model.Cefr;

/**
 * A coarse labour-market sector, enough to make vacancies differ the way Dutch ones do: how much Dutch they ask
 * (care and childcare more, cleaning, production and logistics less), whether they are in a shortage sector (UWV's
 * tight sectors: care, education and childcare, ICT, technical trades and construction, logistics, hospitality),
 * and what employers are called. Taken from the taxonomy's sector slug when it has one, else from the ISCO code.
 */
enum Sector {
    CARE(true, 0.05, 0, dutch(0, 0, 15, 55, 30, 0, 0), "Zorggroep", "Thuiszorg", "Woonzorgcentrum", "Zorgcentrum"),
    CHILDCARE_EDUCATION(true, 0.03, 0, dutch(0, 0, 10, 45, 40, 5, 0), "Kinderopvang", "Scholengroep", "Kindcentrum", "Onderwijsgroep"),
    ICT(true, 0.60, 0, dutch(10, 0, 30, 40, 20, 0, 0), "Software", "ICT Diensten", "Data", "Webbureau"),
    CONSTRUCTION_TECH(true, 0.20, 1, dutch(0, 25, 50, 25, 0, 0, 0), "Bouwbedrijf", "Installatietechniek", "Metaalbouw", "Elektrotechniek"),
    LOGISTICS(true, 0.25, 1, dutch(10, 40, 40, 10, 0, 0, 0), "Transport", "Logistiek", "Distributiecentrum", "Koeriersdienst"),
    HOSPITALITY(true, 0.30, 1, dutch(0, 25, 50, 25, 0, 0, 0), "Restaurant", "Hotel", "Catering", "Lunchroom"),
    PRODUCTION(false, 0.25, 1, dutch(10, 45, 35, 10, 0, 0, 0), "Productie", "Voedingsindustrie", "Verpakkingen", "Kunststoffen"),
    CLEANING(false, 0.20, 1, dutch(15, 50, 30, 5, 0, 0, 0), "Schoonmaakbedrijf", "Glazenwassersbedrijf", "Facilitaire Diensten", "Schoonmaakdiensten"),
    AGRICULTURE(false, 0.25, 1, dutch(20, 50, 25, 5, 0, 0, 0), "Kwekerij", "Tuinbouw", "Melkveebedrijf", "Groenvoorziening"),
    RETAIL(false, 0.10, 1, dutch(0, 15, 50, 35, 0, 0, 0), "Supermarkt", "Winkelcentrum", "Bouwmarkt", "Detailhandel"),
    OFFICE(false, 0.15, 0, dutch(0, 0, 15, 50, 35, 0, 0), "Adviesbureau", "Administratiekantoor", "Dienstverlening", "Uitzendbureau");

    private final boolean shortage;
    private final double englishAccepted;
    private final int writtenGap;
    private final Choice<Cefr> speaking;
    private final List<String> employerKinds;

    Sector(boolean shortage, double englishAccepted, int writtenGap, Choice<Cefr> speaking, String... employerKinds) {
        this.shortage = shortage;
        this.englishAccepted = englishAccepted;
        this.writtenGap = writtenGap;
        this.speaking = speaking;
        this.employerKinds = List.of(employerKinds);
    }

    boolean shortage() { return shortage; }

    /** The chance that a vacancy in this sector accepts English in place of Dutch. */
    double englishAccepted() { return englishAccepted; }

    /** How many levels reading and writing usually lag the spoken requirement (hands-on work reads little). */
    int writtenGap() { return writtenGap; }

    /** The spoken-Dutch requirement of a vacancy in this sector. */
    Choice<Cefr> speaking() { return speaking; }

    List<String> employerKinds() { return employerKinds; }

    // Weights for NONE, A1, A2, B1, B2, C1, C2.
    private static Choice<Cefr> dutch(double none, double a1, double a2, double b1, double b2, double c1, double c2) {
        return Choice.of(Cefr.NONE, none).or(Cefr.A1, a1).or(Cefr.A2, a2).or(Cefr.B1, b1).or(Cefr.B2, b2)
                .or(Cefr.C1, c1).or(Cefr.C2, c2).build();
    }

    /** The sector of an occupation from the taxonomy's sector slug, else its ISCO code, else OFFICE. */
    static Sector of(String sectorSlug, String isco) {
        Sector bySlug = sectorSlug == null ? null : fromSlug(sectorSlug.toLowerCase(Locale.ROOT));
        if (bySlug != null) {
            return bySlug;
        }
        return isco == null || isco.isBlank() ? OFFICE : fromIsco(isco.strip());
    }

    private static Sector fromSlug(String s) {
        // Before care: "uiterlijke verzorging" (hair and beauty) is a personal service, not health care.
        if (has(s, "uiterlijk", "kapper", "beauty")) return RETAIL;
        if (has(s, "kinderopvang", "childcare", "onderwijs", "education", "teaching")) return CHILDCARE_EDUCATION;
        if (has(s, "zorg", "care", "health", "welzijn", "gezondheid")) return CARE;
        if (s.equals("it") || has(s, "ict", "software", "informatie")) return ICT;
        if (has(s, "schoonma", "cleaning", "facilit")) return CLEANING;
        if (has(s, "horeca", "hospitality", "catering", "hotel")) return HOSPITALITY;
        if (has(s, "logist", "transport", "warehouse", "magazijn")) return LOGISTICS;
        if (has(s, "bouw", "construct", "techniek", "technical", "install", "metaal", "engineering")) return CONSTRUCTION_TECH;
        if (has(s, "productie", "industrie", "manufactur", "production", "food", "voeding")) return PRODUCTION;
        if (has(s, "landbouw", "agri", "tuinbouw", "groen", "farming")) return AGRICULTURE;
        if (has(s, "retail", "detailhandel", "winkel", "sales", "handel")) return RETAIL;
        if (has(s, "kantoor", "office", "administr", "finance", "zakelijk", "business")) return OFFICE;
        return null;
    }

    private static boolean has(String s, String... parts) {
        for (String p : parts) {
            if (s.contains(p)) {
                return true;
            }
        }
        return false;
    }

    // ISCO-08 groups, most specific prefix first.
    private static Sector fromIsco(String isco) {
        if (starts(isco, "2635", "3412", "532", "22", "32")) return CARE;
        if (starts(isco, "531", "23")) return CHILDCARE_EDUCATION;
        if (starts(isco, "25", "35")) return ICT;
        if (starts(isco, "5151", "5152", "911", "912", "961")) return CLEANING;
        if (starts(isco, "4321", "4323", "83", "933", "962")) return LOGISTICS;
        if (starts(isco, "1411", "1412", "512", "513", "941")) return HOSPITALITY;
        if (starts(isco, "31", "71", "72", "74", "931")) return CONSTRUCTION_TECH;
        if (starts(isco, "73", "75", "81", "82", "932")) return PRODUCTION;
        if (starts(isco, "6", "92")) return AGRICULTURE;
        if (starts(isco, "52", "514")) return RETAIL;
        return OFFICE;
    }

    private static boolean starts(String isco, String... prefixes) {
        for (String p : prefixes) {
            if (isco.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
