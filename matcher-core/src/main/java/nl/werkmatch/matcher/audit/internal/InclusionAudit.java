package nl.werkmatch.matcher.audit.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
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
import java.util.function.IntConsumer;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Match;
import nl.werkmatch.matcher.MatchPage;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.NotFoundException;
import nl.werkmatch.matcher.WerkmatchException;
import nl.werkmatch.matcher.audit.AuditReport;
import nl.werkmatch.matcher.audit.AuditReport.NeverRecommended;
import nl.werkmatch.matcher.audit.AuditRequest;
import nl.werkmatch.matcher.audit.NeverRecommendedReason;
import nl.werkmatch.matcher.geo.LabourMarketRegion;
import nl.werkmatch.matcher.geo.ResolvedLocation;
import nl.werkmatch.matcher.model.JobType;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.WorkAuthorization;

/**
 * The inclusion audit, on the matcher's public API only. One snapshot of every profile and vacancy, then one
 * {@code candidatesFor} per open vacancy (k, minScore, open on the day; nothing else, so the lists are exactly the
 * pages a user gets), on every core. Each profile on no list is then explained with a few {@code vacanciesFor}
 * queries that relax one filter at a time; its eligible count pages through its eligible vacancies. The audit only
 * reads. Writes during an audit may or may not be seen; a profile deleted during it is left out.
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
    private static final int PAGE = MatchRequest.MAX_K;
    private static final int FIRST_PAGE = 100;
    private static final long PROGRESS_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final int MOST_EXPOSED = 10;

    private final Matcher matcher;
    private final AuditRequest request;
    private final String region;

    private InclusionAudit(Matcher matcher, AuditRequest request) {
        this.matcher = matcher;
        this.request = request;
        this.region = request.region() == null ? null : matcher.regions().labourMarketRegion(request.region())
                .map(LabourMarketRegion::name)
                .orElseThrow(() -> new InvalidInputException("region", "\"" + request.region()
                        + "\" is not a labour market region (give its name, e.g. Groot Amsterdam)"));
    }

    /** Runs the audit {@code request} describes on {@code matcher}. */
    public static AuditReport run(Matcher matcher, AuditRequest request) {
        return new InclusionAudit(matcher, request).run();
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
        AtomicIntegerArray exposure = new AtomicIntegerArray(n);
        boolean[] unfilled = new boolean[open.size()];
        boolean[] vacancyGone = new boolean[open.size()];
        MatchRequest list = MatchRequest.builder().k(request.k()).minScore(request.minScore()).openOn(day).build();
        parallel("ranking candidates", open.size(), v -> {
            MatchPage page;
            try {
                page = matcher.candidatesFor(open.get(v).id(), list);
            } catch (NotFoundException e) {
                vacancyGone[v] = true;
                return;
            }
            unfilled[v] = page.matches().isEmpty();
            for (Match m : page.matches()) {
                Integer person = people.index.get(m.id());
                if (person != null) {
                    exposure.incrementAndGet(person);
                }
            }
        });

        int[] never = java.util.stream.IntStream.range(0, n).filter(i -> exposure.get(i) == 0).toArray();
        NeverRecommended[] explained = new NeverRecommended[never.length];
        boolean[] profileGone = new boolean[n];
        parallel("explaining who is never recommended", never.length, i -> {
            String id = people.ids.get(never[i]);
            try {
                explained[i] = explain(id, people.value(never[i], AUTHORIZATION).equals(WorkAuthorization.NOT_ALLOWED.name()), day);
            } catch (NotFoundException e) {
                profileGone[never[i]] = true;
            }
        });
        return report(people, open, exposure, unfilled, vacancyGone, never, explained, profileGone);
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

    /** Why a profile is on no list, and for how many open vacancies it is eligible. */
    private NeverRecommended explain(String id, boolean notAllowed, LocalDate day) {
        MatchRequest eligible = MatchRequest.builder().minScore(request.minScore()).openOn(day).build();
        if (request.eligibleCounts()) {
            long[] count = countEligible(id, eligible);
            if (count[0] > 0) {
                return new NeverRecommended(id, NeverRecommendedReason.OUTRANKED, (int) count[0], count[1] != 0);
            }
        } else if (any(id, eligible.toBuilder().k(1).build())) {
            return new NeverRecommended(id, NeverRecommendedReason.OUTRANKED, null, false);
        }
        Integer none = request.eligibleCounts() ? 0 : null;
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
        return new NeverRecommended(id, reason, none, false);
    }

    private boolean any(String id, MatchRequest r) {
        return !matcher.vacanciesFor(id, r).matches().isEmpty();
    }

    /**
     * {count, 1 if it is a lower bound}. Pages through the eligible vacancies; when they fill the engine's window,
     * counts each job type on its own (every vacancy has exactly one), and a job type that fills the window too
     * counts as the window.
     */
    private long[] countEligible(String id, MatchRequest eligible) {
        int all = pagedCount(id, eligible);
        if (all >= 0) {
            return new long[] {all, 0};
        }
        long sum = 0;
        boolean lowerBound = false;
        for (JobType type : JobType.values()) {
            int c = pagedCount(id, eligible.toBuilder().jobTypes(EnumSet.of(type)).build());
            if (c < 0) {
                lowerBound = true;
                c = MatchRequest.MAX_WINDOW;
            }
            sum += c;
        }
        return new long[] {sum, lowerBound ? 1 : 0};
    }

    /**
     * How many vacancies the request admits, or -1 when they fill the window. The first page is small: most people
     * on no list are eligible for few vacancies, and a page costs about as many rescored hits as its end.
     */
    private int pagedCount(String id, MatchRequest r) {
        int offset = 0;
        while (offset < MatchRequest.MAX_WINDOW) {
            int k = Math.min(offset == 0 ? FIRST_PAGE : PAGE, MatchRequest.MAX_WINDOW - offset);
            int got = matcher.vacanciesFor(id, r.toBuilder().offset(offset).k(k).build()).matches().size();
            if (got < k) {
                return offset + got;
            }
            offset += got;
        }
        return -1;
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
        neverList.sort(java.util.Comparator.comparing(NeverRecommended::id));

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
                unfilledList.add(new AuditReport.UnfilledVacancy(ov.id(), ov.title(), ov.region()));
            }
        }
        unfilledList.sort(java.util.Comparator.comparing(AuditReport.UnfilledVacancy::id));

        return new AuditReport(new AuditReport.Summary(request.day(), request.k(), request.minScore(), region),
                vacancies, audited, recommended, slots, neverList, byReason, SmallCells.counts(byRegion), groups,
                Exposure.congestion(exposures, MOST_EXPOSED), unfilledList);
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
