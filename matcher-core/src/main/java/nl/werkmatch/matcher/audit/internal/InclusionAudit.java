package nl.werkmatch.matcher.audit.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntConsumer;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.NotFoundException;
import nl.werkmatch.matcher.WerkmatchException;
import nl.werkmatch.matcher.advice.AdviceRequest;
import nl.werkmatch.matcher.audit.AuditReport;
import nl.werkmatch.matcher.audit.AuditReport.NeverRecommended;
import nl.werkmatch.matcher.audit.AuditRequest;
import nl.werkmatch.matcher.audit.NeverRecommendedReason;
import nl.werkmatch.matcher.geo.LabourMarketRegion;
import nl.werkmatch.matcher.index.EligibleCandidates;
import nl.werkmatch.matcher.geo.ResolvedLocation;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.WorkAuthorization;

/**
 * The inclusion audit. One snapshot of every profile and vacancy, then per open vacancy (k, minScore, open on the
 * day; nothing else, so the lists are exactly the pages a user gets), on every core, one pruned pass over one
 * snapshot of the profile index that finds who is eligible and ranks the list among them ({@link
 * EligibleCandidates}: the same page as {@code candidatesFor}, which ranks every admitted match by exact score, ties
 * by id); the eligible counts are added up per person. Only a profile on no list and eligible nowhere
 * needs more: a few {@code vacanciesFor(k = 1)} that relax one filter at a time give its reason. Then the public
 * {@code Matcher.advise*} advises a bounded number of never-recommended profiles and unfilled vacancies. The audit
 * only reads. Writes during an audit may or may not be seen; a profile deleted during it is left out.
 */
public final class InclusionAudit {
    /** The attributes of the groups section, in the order of the report. */
    static final List<String> ATTRIBUTES = List.of("gender", "ageBand", "countryOfOrigin", "inburgeringRoute",
            "educationLevel", "workAuthorization", "labourMarketRegion");
    private static final int GENDER = 0;
    private static final int AGE_BAND = 1;
    private static final int COUNTRY = 2;
    private static final int ROUTE = 3;
    private static final int EDUCATION = 4;
    private static final int AUTHORIZATION = 5;
    private static final int REGION = 6;
    private static final long PROGRESS_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final int MOST_EXPOSED = 10;
    /** Whom advice helps most first (see {@link NeverRecommendedReason#adviceOrder()}), ties by id. */
    private static final java.util.Comparator<NeverRecommended> ADVICE_ORDER = java.util.Comparator
            .<NeverRecommended>comparingInt(n -> n.reason().adviceOrder()).thenComparing(NeverRecommended::id);

    private final Matcher matcher;
    private final AuditRequest request;
    private final Function<MatchRequest, EligibleCandidates> eligibility;
    private final String region;

    private InclusionAudit(Matcher matcher, AuditRequest request, Function<MatchRequest, EligibleCandidates> eligibility) {
        this.matcher = matcher;
        this.request = request;
        this.eligibility = eligibility;
        this.region = request.region() == null ? null : matcher.regions().labourMarketRegion(request.region())
                .map(LabourMarketRegion::name)
                .orElseThrow(() -> new InvalidInputException("region", "\"" + request.region()
                        + "\" is not a labour market region (give its name, e.g. Groot Amsterdam)"));
    }

    /**
     * Runs the audit {@code request} describes on {@code matcher}; {@code eligibility} opens the engine's snapshot
     * that counts who is eligible for a vacancy.
     */
    public static AuditReport run(Matcher matcher, AuditRequest request,
                                  Function<MatchRequest, EligibleCandidates> eligibility) {
        return new InclusionAudit(matcher, request, eligibility).run();
    }

    /** The audited profiles, as ids and one dictionary code per attribute. */
    private static final class Population {
        final List<String> ids = new ArrayList<>();
        final Map<String, Integer> index = new HashMap<>();
        final List<int[]> codes = new ArrayList<>();
        final List<List<String>> dictionaries = new ArrayList<>();
        final List<Map<String, Integer>> lookups = new ArrayList<>();

        Population() {
            for (int a = 0; a < ATTRIBUTES.size(); a++) {
                dictionaries.add(new ArrayList<>());
                lookups.add(new HashMap<>());
            }
        }

        void add(String id, String[] values) {
            int[] c = new int[values.length];
            for (int a = 0; a < values.length; a++) {
                List<String> dictionary = dictionaries.get(a);
                c[a] = lookups.get(a).computeIfAbsent(values[a], v -> {
                    dictionary.add(v);
                    return dictionary.size() - 1;
                });
            }
            index.put(id, ids.size());
            ids.add(id);
            codes.add(c);
        }

        int size() {
            return ids.size();
        }

        String value(int person, int attribute) {
            return dictionaries.get(attribute).get(codes.get(person)[attribute]);
        }
    }

    private record OpenVacancy(String id, String title, String region) {
    }

    private AuditReport run() {
        LocalDate day = request.day();
        Population people = population(day);
        List<OpenVacancy> open = openVacancies(day);

        int n = people.size();
        boolean[] unfilled = new boolean[open.size()];
        boolean[] vacancyGone = new boolean[open.size()];
        // a profile missing from the snapshot was deleted after the population was read
        boolean[] profileGone = new boolean[n];
        AtomicIntegerArray exposure = new AtomicIntegerArray(n);
        int[] eligible = rankAndCount(people, open, exposure, unfilled, vacancyGone, profileGone, day);

        int[] never = java.util.stream.IntStream.range(0, n)
                .filter(i -> exposure.get(i) == 0 && !profileGone[i]).toArray();
        NeverRecommended[] explained = new NeverRecommended[never.length];
        parallel("explaining who is never recommended", never.length, i -> {
            int person = never[i];
            try {
                explained[i] = explain(people.ids.get(person), eligible[person],
                        people.value(person, AUTHORIZATION).equals(WorkAuthorization.NOT_ALLOWED.name()), day);
            } catch (NotFoundException e) {
                profileGone[person] = true;
            }
        });
        adviseProfiles(explained);
        return report(people, open, exposure, unfilled, vacancyGone, never, explained, profileGone);
    }

    /** The advice's threshold: reachable means a good match, at least the audit's own minScore. */
    private AdviceRequest adviceRequest() {
        return new AdviceRequest(Math.max(request.minScore(), AdviceRequest.DEFAULT_MIN_SCORE),
                AuditRequest.ADVICE_SUGGESTIONS, null);
    }

    /**
     * Adds advice to the first {@link AuditRequest#advice()} explained profiles by {@link
     * NeverRecommendedReason#adviceOrder()}, ties by id; a profile deleted meanwhile keeps none.
     */
    private void adviseProfiles(NeverRecommended[] explained) {
        Integer[] order = java.util.stream.IntStream.range(0, explained.length).filter(i -> explained[i] != null)
                .boxed().toArray(Integer[]::new);
        Arrays.sort(order, java.util.Comparator.comparing(i -> explained[i], ADVICE_ORDER));
        int m = Math.min(request.advice(), order.length);
        AdviceRequest ask = adviceRequest();
        parallel("advising who is never recommended", m, i -> {
            NeverRecommended n = explained[order[i]];
            try {
                explained[order[i]] = new NeverRecommended(n.id(), n.reason(), n.eligible(),
                        matcher.adviseProfile(n.id(), ask));
            } catch (NotFoundException e) {
                // deleted during the audit: no advice
            }
        });
    }

    /** The unfilled vacancies (sorted by id), the first {@link AuditRequest#MAX_VACANCY_ADVICE} with advice. */
    private List<AuditReport.UnfilledVacancy> adviseVacancies(List<AuditReport.UnfilledVacancy> unfilled) {
        int m = request.advice() == 0 ? 0 : Math.min(AuditRequest.MAX_VACANCY_ADVICE, unfilled.size());
        AuditReport.UnfilledVacancy[] out = unfilled.toArray(AuditReport.UnfilledVacancy[]::new);
        AdviceRequest ask = adviceRequest();
        parallel("advising employers nobody fits", m, i -> {
            AuditReport.UnfilledVacancy v = out[i];
            try {
                out[i] = new AuditReport.UnfilledVacancy(v.id(), v.title(), v.region(), matcher.adviseVacancy(v.id(), ask));
            } catch (NotFoundException e) {
                // deleted during the audit: no advice
            }
        });
        return List.of(out);
    }

    /**
     * Every open vacancy's list and, per audited profile, for how many open vacancies it passes every hard filter
     * and reaches minScore: per vacancy one pruned pass that finds the eligible, then the list ranked among them,
     * on one snapshot of the profile index; the counts are added up per document and read back by id.
     */
    private int[] rankAndCount(Population people, List<OpenVacancy> open, AtomicIntegerArray exposure,
                               boolean[] unfilled, boolean[] vacancyGone, boolean[] profileGone, LocalDate day) {
        MatchRequest list = MatchRequest.builder().k(request.k()).minScore(request.minScore()).openOn(day).build();
        int[] eligible = new int[people.size()];
        try (EligibleCandidates snapshot = eligibility.apply(list)) {
            AtomicIntegerArray perDocument = new AtomicIntegerArray(snapshot.documents());
            parallel("ranking candidates", open.size(), v -> {
                EligibleCandidates.Outcome outcome = snapshot.countAndRank(open.get(v).id(), perDocument::incrementAndGet,
                        id -> {
                            Integer person = people.index.get(id);
                            if (person != null) {
                                exposure.incrementAndGet(person);
                            }
                        });
                vacancyGone[v] = outcome.gone();
                unfilled[v] = outcome.listed() == 0;
            });
            boolean[] seen = new boolean[people.size()];
            snapshot.forEachProfile((id, doc) -> {
                Integer person = people.index.get(id);
                if (person != null) {
                    seen[person] = true;
                    eligible[person] = perDocument.get(doc);
                }
            });
            for (int i = 0; i < seen.length; i++) {
                profileGone[i] = !seen[i];
            }
        }
        return eligible;
    }

    private Population population(LocalDate day) {
        Population people = new Population();
        long total = matcher.profileCount();
        Ticker ticker = new Ticker("reading profiles", total);
        matcher.forEachProfile(p -> {
            ticker.tick();
            String placeRegion = regionOf(p.location());
            if (region != null && !region.equals(placeRegion)) {
                return;
            }
            people.add(p.id(), values(p, day, placeRegion));
        });
        ticker.done();
        return people;
    }

    private static String[] values(Profile p, LocalDate day, String placeRegion) {
        String[] v = new String[ATTRIBUTES.size()];
        v[GENDER] = AuditFields.orUnknown(p.audit().gender());
        v[AGE_BAND] = AuditFields.ageBand(p.audit().birthYear(), day.getYear());
        v[COUNTRY] = AuditFields.orUnknown(p.audit().countryOfOrigin());
        v[ROUTE] = p.inburgeringRoute().name();
        v[EDUCATION] = p.education().level().name();
        v[AUTHORIZATION] = p.workAuthorization().name();
        v[REGION] = placeRegion == null ? AuditReport.UNKNOWN : placeRegion;
        return v;
    }

    private String regionOf(Location location) {
        return location == null ? null
                : matcher.regions().resolve(location).map(ResolvedLocation::region).map(LabourMarketRegion::name).orElse(null);
    }

    private List<OpenVacancy> openVacancies(LocalDate day) {
        List<OpenVacancy> open = new ArrayList<>();
        Ticker ticker = new Ticker("reading vacancies", matcher.vacancyCount());
        matcher.forEachVacancy(v -> {
            ticker.tick();
            if (v.isOpenOn(day)) {
                open.add(new OpenVacancy(v.id(), v.title(), regionOf(v.location())));
            }
        });
        ticker.done();
        return open;
    }

    /** Why a profile is on no list, given for how many open vacancies it is eligible. */
    private NeverRecommended explain(String id, int eligible, boolean notAllowed, LocalDate day) {
        Integer count = request.eligibleCounts() ? eligible : null;
        if (eligible > 0) {
            return new NeverRecommended(id, NeverRecommendedReason.OUTRANKED, count, null);
        }
        // eligible nowhere: relax one filter at a time; each check needs only the best vacancy, if any
        MatchRequest passes = MatchRequest.builder().k(1).openOn(day).build();
        NeverRecommendedReason reason;
        if (request.minScore() > 0 && any(id, passes)) {
            reason = NeverRecommendedReason.BELOW_MIN_SCORE;
        } else if (notAllowed) {
            reason = NeverRecommendedReason.NOT_ALLOWED_TO_WORK;
        } else if (any(id, passes.toBuilder().maxLanguageGap(6).build())) {
            reason = NeverRecommendedReason.LANGUAGE_GAP;
        } else if (any(id, passes.toBuilder().ignoreTravelLimit(true).build())) {
            reason = NeverRecommendedReason.TRAVEL_LIMIT;
        } else if (any(id, passes.toBuilder().maxLanguageGap(6).ignoreTravelLimit(true).build())) {
            reason = NeverRecommendedReason.LANGUAGE_GAP_AND_TRAVEL_LIMIT;
        } else if (any(id, passes.toBuilder().maxLanguageGap(6).ignoreTravelLimit(true).minSkillFit(0.0).build())) {
            // the skill floor is a hard filter too; relaxed last so that the reasons above keep their meaning
            reason = NeverRecommendedReason.SKILL_FLOOR;
        } else {
            reason = NeverRecommendedReason.OTHER_HARD_FILTERS;
        }
        return new NeverRecommended(id, reason, count, null);
    }

    private boolean any(String id, MatchRequest r) {
        return !matcher.vacanciesFor(id, r).matches().isEmpty();
    }

    private AuditReport report(Population people, List<OpenVacancy> open, AtomicIntegerArray exposure,
                               boolean[] unfilled, boolean[] vacancyGone, int[] never, NeverRecommended[] explained,
                               boolean[] profileGone) {
        int n = people.size();
        int audited = 0;
        int recommended = 0;
        long slots = 0;
        int[] exposures = new int[n];
        int e = 0;
        for (int i = 0; i < n; i++) {
            if (profileGone[i]) {
                continue;
            }
            audited++;
            int x = exposure.get(i);
            exposures[e++] = x;
            slots += x;
            recommended += x > 0 ? 1 : 0;
        }
        exposures = Arrays.copyOf(exposures, e);

        List<NeverRecommended> neverList = new ArrayList<>();
        Map<NeverRecommendedReason, Integer> byReason = new EnumMap<>(NeverRecommendedReason.class);
        for (NeverRecommendedReason r : NeverRecommendedReason.values()) {
            byReason.put(r, 0);
        }
        Map<String, Integer> byRegion = new HashMap<>();
        for (int i = 0; i < never.length; i++) {
            if (explained[i] != null) {
                neverList.add(explained[i]);
                byReason.merge(explained[i].reason(), 1, Integer::sum);
                byRegion.merge(people.value(never[i], REGION), 1, Integer::sum);
            }
        }
        neverList.sort(ADVICE_ORDER);

        Map<String, List<AuditReport.GroupRow>> groups = new LinkedHashMap<>();
        for (int a = 0; a < ATTRIBUTES.size(); a++) {
            int values = people.dictionaries.get(a).size();
            int[] profiles = new int[values];
            int[] rec = new int[values];
            long[] groupSlots = new long[values];
            for (int i = 0; i < n; i++) {
                if (profileGone[i]) {
                    continue;
                }
                int c = people.codes.get(i)[a];
                int x = exposure.get(i);
                profiles[c]++;
                rec[c] += x > 0 ? 1 : 0;
                groupSlots[c] += x;
            }
            List<SmallCells.Cell> cells = new ArrayList<>();
            for (int c = 0; c < values; c++) {
                cells.add(new SmallCells.Cell(people.dictionaries.get(a).get(c), profiles[c], rec[c], groupSlots[c]));
            }
            groups.put(ATTRIBUTES.get(a), SmallCells.rows(ATTRIBUTES.get(a), cells, audited, slots));
        }

        List<AuditReport.UnfilledVacancy> unfilledList = new ArrayList<>();
        int vacancies = 0;
        for (int v = 0; v < open.size(); v++) {
            if (vacancyGone[v]) {
                continue;
            }
            vacancies++;
            OpenVacancy ov = open.get(v);
            if (unfilled[v] && (region == null || region.equals(ov.region()))) {
                unfilledList.add(new AuditReport.UnfilledVacancy(ov.id(), ov.title(), ov.region(), null));
            }
        }
        unfilledList.sort(java.util.Comparator.comparing(AuditReport.UnfilledVacancy::id));
        unfilledList = adviseVacancies(unfilledList);
        int profilesAdvised = (int) neverList.stream().filter(x -> x.advice() != null).count();
        int vacanciesAdvised = (int) unfilledList.stream().filter(x -> x.advice() != null).count();

        return new AuditReport(new AuditReport.Summary(request.day(), request.k(), request.minScore(), region),
                vacancies, audited, recommended, slots, neverList, byReason, SmallCells.counts(byRegion), groups,
                Exposure.congestion(exposures, MOST_EXPOSED), unfilledList,
                new AuditReport.AdviceCoverage(adviceRequest().minScore(), profilesAdvised, vacanciesAdvised));
    }

    /** Runs {@code task} for 0..n-1 on the request's threads, reporting progress from this thread. */
    private void parallel(String step, int n, IntConsumer task) {
        request.progress().update(step, 0, n);
        if (n == 0) {
            return;
        }
        int threads = Math.min(request.threads(), n);
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "werkmatch-audit");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        task.accept(i);
                        done.incrementAndGet();
                    }
                }));
            }
            for (Future<?> w : workers) {
                while (true) {
                    try {
                        w.get(PROGRESS_NANOS, TimeUnit.NANOSECONDS);
                        break;
                    } catch (TimeoutException e) {
                        request.progress().update(step, done.get(), n);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WerkmatchException("the audit was interrupted", e);
        } catch (ExecutionException e) {
            next.set(n); // stop the other workers
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new WerkmatchException("the audit failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        request.progress().update(step, n, n);
    }

    /** Progress of a walk on the calling thread, at most every {@link #PROGRESS_NANOS}. */
    private final class Ticker {
        private final String step;
        private final long total;
        private long count;
        private long last = System.nanoTime();

        Ticker(String step, long total) {
            this.step = step;
            this.total = total;
            request.progress().update(step, 0, total);
        }

        void tick() {
            count++;
            if ((count & 1023) == 0 && System.nanoTime() - last > PROGRESS_NANOS) {
                last = System.nanoTime();
                request.progress().update(step, count, total);
            }
        }

        void done() {
            request.progress().update(step, count, Math.max(total, count));
        }
    }
}
