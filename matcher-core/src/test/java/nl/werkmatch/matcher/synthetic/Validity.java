package nl.werkmatch.matcher.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.model.Experience;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.SkillClaim;
import nl.werkmatch.matcher.model.SkillRequirement;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;
import nl.werkmatch.matcher.taxonomy.SkillType;

/** The generator's promises about each object, checked field by field; returns problems with their paths. */
final class Validity {
    private final SkillTaxonomy taxonomy;
    private final Regions regions;
    private final LocalDate today;

    Validity(SkillTaxonomy taxonomy, Regions regions, LocalDate today) {
        this.taxonomy = taxonomy;
        this.regions = regions;
        this.today = today;
    }

    List<String> check(Profile p) {
        List<String> problems = new ArrayList<>();
        expect(problems, p.id().matches("p-\\d+"), "id", p.id());
        location(problems, p.location());
        expect(problems, p.maxTravelKm() == null || (p.maxTravelKm() >= 10 && p.maxTravelKm() <= 60), "maxTravelKm", p.maxTravelKm());
        expect(problems, !p.skills().isEmpty(), "skills", "empty");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < p.skills().size(); i++) {
            SkillClaim c = p.skills().get(i);
            int index = taxonomy.indexOf(c.id());
            expect(problems, index >= 0, "skills[" + i + "].id", c.id());
            expect(problems, index < 0 || taxonomy.type(index) != SkillType.GROUP, "skills[" + i + "].id is a group", c.id());
            expect(problems, seen.add(c.id()), "skills[" + i + "].id duplicate", c.id());
        }
        for (int i = 0; i < p.experience().size(); i++) {
            Experience e = p.experience().get(i);
            expect(problems, taxonomy.occupationIndexOf(e.occupation()) >= 0, "experience[" + i + "].occupation", e.occupation());
            expect(problems, e.years() >= 0.5 && e.years() <= 15, "experience[" + i + "].years", e.years());
        }
        for (String o : p.wantedOccupations()) {
            expect(problems, taxonomy.occupationIndexOf(o) >= 0, "wants.occupations", o);
        }
        expect(problems, new HashSet<>(p.wantedOccupations()).size() == p.wantedOccupations().size(), "wants.occupations duplicate", p.wantedOccupations());
        expect(problems, p.otherLanguages().stream().allMatch(l -> l.matches("[a-z]{2,3}") && !l.equals("nl")), "otherLanguages", p.otherLanguages());
        expect(problems, new HashSet<>(p.otherLanguages()).size() == p.otherLanguages().size(), "otherLanguages duplicate", p.otherLanguages());
        expect(problems, p.availableFrom() == null
                || (!p.availableFrom().isBefore(today) && !p.availableFrom().isAfter(today.plusMonths(3).plusDays(1))), "availableFrom", p.availableFrom());
        expect(problems, p.audit().gender() != null && p.audit().gender().matches("[MFX]"), "audit.gender", p.audit().gender());
        expect(problems, p.audit().birthYear() != null && p.audit().birthYear() >= 1960 && p.audit().birthYear() <= 2006, "audit.birthYear", p.audit().birthYear());
        expect(problems, p.audit().countryOfOrigin() != null && p.audit().countryOfOrigin().matches("[A-Z]{2}"), "audit.countryOfOrigin", p.audit().countryOfOrigin());
        return problems;
    }

    List<String> check(Vacancy v) {
        List<String> problems = new ArrayList<>();
        expect(problems, v.id().matches("v-\\d+"), "id", v.id());
        expect(problems, v.title() != null && !v.title().isBlank(), "title", v.title());
        expect(problems, v.employer() != null && !v.employer().isBlank(), "employer", v.employer());
        expect(problems, v.description() != null && !v.description().isBlank(), "description", v.description());
        expect(problems, v.occupation() != null && taxonomy.occupationIndexOf(v.occupation()) >= 0, "occupation", v.occupation());
        if (v.location() == null) {
            expect(problems, v.remote(), "location", "missing on a vacancy that is not remote");
        } else {
            location(problems, v.location());
        }
        expect(problems, v.skills().size() >= 1 && v.skills().size() <= 15, "skills size", v.skills().size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < v.skills().size(); i++) {
            SkillRequirement r = v.skills().get(i);
            expect(problems, taxonomy.indexOf(r.id()) >= 0, "skills[" + i + "].id", r.id());
            expect(problems, seen.add(r.id()), "skills[" + i + "].id duplicate", r.id());
        }
        expect(problems, v.positions() >= 1 && v.positions() <= 5, "positions", v.positions());
        expect(problems, v.openFrom() == null || v.openUntil() == null || !v.openFrom().isAfter(v.openUntil()), "openUntil", v.openUntil());
        return problems;
    }

    private void location(List<String> problems, Location location) {
        expect(problems, regions.resolve(location).isPresent(), "location", location);
        if (location.lat() != null) {
            expect(problems, Regions.inNetherlands(location.lat(), location.lon()), "location outside NL", location);
        }
    }

    private static void expect(List<String> problems, boolean ok, String path, Object value) {
        if (!ok) {
            problems.add(path + ": " + value);
        }
    }
}
