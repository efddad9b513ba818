package nl.werkmatch.matcher.allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.geo.LabourMarketRegion;
import nl.werkmatch.matcher.geo.Municipality;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.geo.ResolvedLocation;
import nl.werkmatch.matcher.model.Vacancy;

/** Finds the vacancies of a request's scope that are open on its day, read from one snapshot of the matcher. */
final class Scope {
    /** The most vacancies one allocation takes on, so that memory stays bounded whatever a client asks. */
    static final int MAX_VACANCIES = 20_000;

    private Scope() {
    }

    /** The vacancies in scope by id; throws {@link InvalidInputException} naming every bad scope entry. */
    static List<Vacancy> resolve(Matcher matcher, AllocationRequest r, LocalDate day) {
        Regions geo = matcher.regions();
        List<Problem> problems = new ArrayList<>();
        Set<String> regionNames = new HashSet<>();
        int i = 0;
        for (String name : r.regions()) {
            Optional<LabourMarketRegion> region = geo.labourMarketRegion(name);
            if (region.isPresent()) {
                regionNames.add(region.get().name());
            } else {
                problems.add(new Problem("regions[" + i + "]",
                        "\"" + name + "\" is not a labour market region (give its name, e.g. Groot Amsterdam)"));
            }
            i++;
        }
        Set<String> municipalityCodes = new HashSet<>();
        i = 0;
        for (String m : r.municipalities()) {
            Optional<Municipality> found = geo.municipality(m).or(() -> geo.municipalityByName(m));
            if (found.isPresent()) {
                municipalityCodes.add(found.get().code());
            } else {
                problems.add(new Problem("municipalities[" + i + "]",
                        "\"" + m + "\" is not a municipality (give its CBS code, e.g. GM0363, or its name)"));
            }
            i++;
        }
        TreeMap<String, Vacancy> scope = new TreeMap<>();
        i = 0;
        for (String id : r.vacancies()) {
            String path = "vacancies[" + i++ + "]";
            Optional<Vacancy> v = matcher.vacancy(id);
            if (v.isEmpty()) {
                problems.add(new Problem(path, "no vacancy with id \"" + id + "\""));
            } else if (!v.get().isOpenOn(day)) {
                problems.add(new Problem(path, "vacancy \"" + id + "\" is not open on " + day + openText(v.get())));
            } else {
                scope.put(id, v.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!regionNames.isEmpty() || !municipalityCodes.isEmpty()) {
            matcher.forEachVacancy(v -> {
                if (v.location() == null || !v.isOpenOn(day) || scope.containsKey(v.id())) {
                    return;
                }
                Optional<ResolvedLocation> place = geo.resolve(v.location());
                if (place.isPresent() && (regionNames.contains(place.get().region().name())
                        || municipalityCodes.contains(place.get().municipality().code()))) {
                    synchronized (scope) {
                        scope.put(v.id(), v);
                    }
                }
            });
        }
        String field = !r.regions().isEmpty() ? "regions" : !r.municipalities().isEmpty() ? "municipalities" : "vacancies";
        if (scope.isEmpty()) {
            throw new InvalidInputException(field, "no vacancy in this scope is open on " + day);
        }
        if (scope.size() > MAX_VACANCIES) {
            throw new InvalidInputException(field, "the scope holds " + scope.size() + " open vacancies; at most "
                    + MAX_VACANCIES + " can be allocated at once (split it by region)");
        }
        return List.copyOf(scope.values());
    }

    private static String openText(Vacancy v) {
        return " (open " + (v.openFrom() == null ? "always" : "from " + v.openFrom())
                + (v.openUntil() == null ? "" : " until " + v.openUntil()) + ")";
    }
}
