package nl.werkmatch.examples;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import nl.werkmatch.matcher.Match;
import nl.werkmatch.matcher.MatchPage;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.model.DutchLevels;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/**
 * {@code werkmatch demo}: no files, no setup. An in-memory matcher on the bundled sample taxonomy, a seeded
 * synthetic world, and the best matches both ways with their explanations.
 */
@Command(name = "demo",
        header = "Show matching at work on a generated world; no files needed.",
        sortOptions = false,
        description = "Shows matching at work without any files: generates job seekers and vacancies in memory "
                + "(seeded), then prints the best candidates for three vacancies and the best vacancies for three "
                + "job seekers, each match with its explanation.")
final class DemoCommand extends CliCommand {
    private static final int SHOWN = 3;
    private static final int TOP = 3;
    // Shows examples worth reading: in a random world many people have no good match nearby.
    private static final double SHOWCASE_SCORE = 0.5;
    private static final double WITHIN_KM = 50;

    @Option(names = "--profiles", defaultValue = "2000", paramLabel = "N", description = "Profiles to generate (default: ${DEFAULT-VALUE}).")
    int profiles;

    @Option(names = "--vacancies", defaultValue = "1000", paramLabel = "M", description = "Vacancies to generate (default: ${DEFAULT-VALUE}).")
    int vacancies;

    @Option(names = "--seed", defaultValue = "2026", paramLabel = "S", description = "The random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    int execute() {
        if (profiles < 1 || vacancies < 1) {
            throw usage("--profiles and --vacancies must be at least 1");
        }
        long start = System.nanoTime();
        try (Matcher matcher = Matcher.inMemory()) {
            SkillTaxonomy taxonomy = matcher.taxonomy();
            status(String.format(Locale.ROOT, "Sample taxonomy \"%s\": %,d skills and knowledge areas, %,d occupations; %,d municipalities.",
                    taxonomy.id(), taxonomy.size(), taxonomy.occupationCount(), matcher.regions().municipalities().size()));
            SyntheticWorld world = SyntheticWorld.builder(taxonomy, matcher.regions()).seed(seed).today(LocalDate.now()).build();
            status(String.format(Locale.ROOT, "Generating and indexing %,d job seekers and %,d vacancies (seed %d)...", profiles, vacancies, seed));
            matcher.upsertProfiles(world.profiles(profiles).toList());
            matcher.upsertVacancies(world.vacancies(vacancies).toList());
            matcher.refresh();
            status(String.format(Locale.ROOT, "Ready in %.1f s.%n", (System.nanoTime() - start) / 1e9));

            Describe describe = new Describe(matcher);
            // within commuting distance, as a consultant would ask; profiles without a travel limit would otherwise
            // show candidates from across the country
            MatchRequest request = MatchRequest.builder().k(TOP).withinKm(WITHIN_KM).explain(true).build();
            PrintWriter out = out();
            int shown = 0;
            for (int i = 0; i < vacancies && shown < SHOWN; i++) {
                Vacancy v = world.vacancy(i);
                MatchPage page = matcher.candidatesFor(v.id(), request);
                if (worthShowing(page)) {
                    out.println("=== Best candidates for vacancy " + v.id() + ": " + describe.vacancy(v));
                    print(page, out);
                    shortPage(page, matcher.candidatesFor(v.id(), withoutFloor(request)), out,
                            "candidate", "candidates", "shows the skills this job asks for", "show the skills this job asks for");
                    shown++;
                }
            }
            shown = 0;
            for (int i = 0; i < profiles && shown < SHOWN; i++) {
                Profile p = world.profile(i);
                MatchPage page = matcher.vacanciesFor(p.id(), request);
                if (worthShowing(page)) {
                    out.println("=== Best vacancies for job seeker " + p.id() + ": " + describe.profile(p));
                    print(page, out);
                    shortPage(page, matcher.vacanciesFor(p.id(), withoutFloor(request)), out,
                            "vacancy", "vacancies", "asks for skills this job seeker shows", "ask for skills this job seeker shows");
                    shown++;
                }
            }
            out.println("Try it on your own data: werkmatch generate, werkmatch import, werkmatch match, werkmatch serve (see --help).");
            return ExitCodes.OK;
        }
    }

    /** A page with a good best match; a short page is shown too, since that is what a consultant would see. */
    private static boolean worthShowing(MatchPage page) {
        return !page.matches().isEmpty() && page.matches().get(0).score() >= SHOWCASE_SCORE;
    }

    private static MatchRequest withoutFloor(MatchRequest request) {
        return request.toBuilder().minSkillFit(0.0).explain(false).build();
    }

    /**
     * Says why a page holds fewer than {@link #TOP} matches: the skill floor (the same request without it finds
     * more) or the hard filters.
     */
    static void shortPage(MatchPage page, MatchPage withoutFloor, PrintWriter out, String one, String many,
                                  String floorReasonOne, String floorReasonMany) {
        int n = page.matches().size();
        if (n >= TOP) {
            return;
        }
        String who = (n == 1 ? "only 1 " + one : "only " + n + " " + many) + " within " + Math.round(WITHIN_KM) + " km ";
        out.println(withoutFloor.matches().size() > n
                ? "(" + who + (n == 1 ? floorReasonOne : floorReasonMany) + ")"
                : "(" + who + (n == 1 ? "passes" : "pass") + " the hard filters)");
        out.println();
    }

    private void status(String line) {
        err().println(line);
        err().flush();
    }

    private static void print(MatchPage page, PrintWriter out) {
        int rank = 1;
        for (Match m : page.matches()) {
            out.printf(Locale.ROOT, "%d. %s%n", rank++, m.id());
            out.println(m.explanation().toText().indent(3).stripTrailing());
        }
        out.println();
    }

    /** Short, readable descriptions of profiles and vacancies in the taxonomy's own labels. */
    private record Describe(Matcher matcher) {
        String vacancy(Vacancy v) {
            List<String> parts = new ArrayList<>();
            parts.add(Objects.requireNonNullElse(v.title(), occupation(v.occupation())));
            if (v.employer() != null) {
                parts.add("at " + v.employer());
            }
            parts.add(v.remote() ? "remote" : "in " + place(v.location()));
            String skills = v.skills().stream().limit(4).map(s -> skill(s.id()) + " (" + s.importance().name().toLowerCase(Locale.ROOT) + ")")
                    .collect(Collectors.joining(", "));
            return String.join(" ", parts) + System.lineSeparator() + "    asks " + skills
                    + (v.skills().size() > 4 ? " and " + (v.skills().size() - 4) + " more" : "")
                    + "; Dutch " + dutch(v.dutch()) + (v.languageSupport() ? " with language support" : "");
        }

        String profile(Profile p) {
            String skills = p.skills().stream().limit(4).map(s -> skill(s.id())).collect(Collectors.joining(", "));
            String experience = p.experience().stream().limit(2).map(e -> occupation(e.occupation()))
                    .collect(Collectors.joining(", "));
            return "lives in " + place(p.location()) + System.lineSeparator()
                    + "    skills " + (skills.isEmpty() ? "none listed" : skills) + (p.skills().size() > 4 ? " and " + (p.skills().size() - 4) + " more" : "")
                    + (experience.isEmpty() ? "" : "; worked as " + experience)
                    + "; Dutch " + dutch(p.dutch()) + "; education " + p.education().level();
        }

        private String skill(String id) {
            SkillTaxonomy t = matcher.taxonomy();
            int i = t.indexOf(id);
            return i < 0 ? id : t.label(i, t.defaultLanguage());
        }

        private String occupation(String id) {
            SkillTaxonomy t = matcher.taxonomy();
            int i = id == null ? -1 : t.occupationIndexOf(id);
            return i < 0 ? String.valueOf(id) : t.occupationLabel(i, t.defaultLanguage());
        }

        private String place(Location location) {
            return location == null ? "?" : matcher.regions().resolve(location)
                    .map(r -> r.municipality().name() + " (" + r.region().name() + ")").orElse("?");
        }

        private static String dutch(DutchLevels d) {
            return "listening " + d.listening() + ", reading " + d.reading() + ", speaking " + d.speaking() + ", writing " + d.writing();
        }
    }
}
