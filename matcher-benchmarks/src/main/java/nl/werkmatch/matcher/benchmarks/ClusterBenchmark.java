package nl.werkmatch.matcher.benchmarks;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import nl.werkmatch.matcher.BatchResult;
import nl.werkmatch.matcher.MatchPage;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.opensearch.ClusterMatcher;

/**
 * Top-k candidates for a vacancy (withinKm 30), rotating over 64 fixed open vacancies, on the embedded engine and on
 * the OpenSearch cluster backend ({@link ClusterMatcher}) with the same world and requests: the cost of the cluster
 * path (HTTP, the DSL query on every shard, the rescoring window on the client) against the engine in the same run.
 *
 * <p>Needs a running cluster: {@code -p url=http://127.0.0.1:9250} (started with {@code opensearch/local-cluster}).
 * The first trial imports the world into indexes named after it ({@code bench-TAXONOMY-Np-Mv-seed42-*}) and logs
 * the indexing rate; later trials and runs reuse them.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules=jdk.incubator.vector"})
public class ClusterBenchmark {
    static final int VACANCIES = 2_000;
    static final int QUERIES = 64;

    @State(Scope.Benchmark)
    public static class Data {
        @Param("100000")
        public int profiles;
        @Param("sample")
        public String taxonomy;
        @Param("10")
        public int k;
        @Param("http://127.0.0.1:9250")
        public String url;

        BenchWorld world;
        List<Vacancy> queries;
        MatchRequest request;
        Matcher matcher;
        ClusterMatcher cluster;

        @Setup(Level.Trial)
        public void setup(BenchmarkParams params) {
            world = BenchWorld.of(taxonomy, profiles, VACANCIES);
            queries = world.queryVacancies(QUERIES);
            request = MatchRequest.builder().k(k).withinKm(30.0).build();
            if (params.getBenchmark().endsWith(".engine")) {
                matcher = world.matcher();
                return;
            }
            cluster = ClusterMatcher.builder(URI.create(url)).taxonomy(world.taxonomy()).regions(world.regions())
                    .clock(BenchWorld.CLOCK).indexPrefix("bench-" + taxonomy + "-" + profiles + "p-" + VACANCIES
                            + "v-seed" + BenchWorld.SEED).build();
            if (cluster.profileCount() != profiles || cluster.vacancyCount() != VACANCIES) {
                load();
            } else {
                BenchWorld.log("cluster: reusing " + cluster.profilesIndex() + " and " + cluster.vacanciesIndex());
            }
        }

        /** Imports the world in batches of 1,000 on two client threads (one per core), and logs the rates. */
        private void load() {
            int batch = 1000;
            for (String side : List.of("profiles", "vacancies")) {
                int n = side.equals("profiles") ? profiles : VACANCIES;
                long t0 = System.nanoTime();
                AtomicLong done = new AtomicLong();
                AtomicLong rejected = new AtomicLong();
                IntStream.range(0, (n + batch - 1) / batch).parallel().forEach(b -> {
                    BatchResult r;
                    int size;
                    if (side.equals("profiles")) {
                        List<Profile> ps = new ArrayList<>(batch);
                        for (int i = b * batch; i < Math.min(n, (b + 1) * batch); i++) {
                            ps.add(world.world().profile(i));
                        }
                        r = cluster.upsertProfiles(ps);
                        size = ps.size();
                    } else {
                        List<Vacancy> vs = new ArrayList<>(batch);
                        for (int i = b * batch; i < Math.min(n, (b + 1) * batch); i++) {
                            vs.add(world.world().vacancy(i));
                        }
                        r = cluster.upsertVacancies(vs);
                        size = vs.size();
                    }
                    rejected.addAndGet(r.rejected().size());
                    BenchWorld.progress("cluster " + side, done.addAndGet(size), n, t0);
                });
                cluster.refresh();
                double s = (System.nanoTime() - t0) / 1e9;
                BenchWorld.log(String.format(Locale.ROOT, "cluster: %,d %s indexed in %.1f s (%,.0f/s), %d rejected",
                        n, side, s, n / s, rejected.get()));
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Benchmark
    public MatchPage engine(Data d, Cursor c) {
        return d.matcher.candidatesFor(d.queries.get(c.next(d.queries.size())).id(), d.request);
    }

    @Benchmark
    public MatchPage cluster(Data d, Cursor c) {
        return d.cluster.candidatesFor(d.queries.get(c.next(d.queries.size())).id(), d.request);
    }
}
