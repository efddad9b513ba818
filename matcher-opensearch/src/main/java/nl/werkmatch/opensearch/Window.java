package nl.werkmatch.opensearch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * The rescoring window of the embedded engine, on a cluster: reads OpenSearch's best hits by the bounding score in
 * order ({@code search_after} on score, then id), rescores each exactly from its compact form, and stops when the
 * page is proven. Every hit not yet read has a DSL score of at most the last one read, so its exact score is at most
 * {@code bound = last + constant + maxError}; once the k-th admitted exact score, plus the tie tolerance, reaches the
 * bound, no unread document can enter the page. Otherwise it reads four times as many. A window that reaches the end
 * of the matches is exact by construction.
 */
final class Window {
    /** Documents whose scores differ by less than this may swap places at the edge of a page (as in the core). */
    static final double TIE_TOLERANCE = 1e-4;
    /** OpenSearch refuses a larger size per request ({@code index.max_result_window}). */
    private static final int MAX_PAGE = 10_000;

    private final Http http;

    Window(Http http) {
        this.http = http;
    }

    /** A pair of compact forms with the id of the ranked side. */
    record Pair(PreparedProfile profile, PreparedVacancy vacancy, String id) {
    }

    /** An admitted hit with its exact score. */
    record Scored(Pair pair, double score) {
    }

    /** Decodes a hit's compact form into a pair, or null when the pair fails a filter. */
    interface HitLoader {
        Pair load(String id, byte[] form);
    }

    /**
     * The admitted hits of the smallest window that proves the page, best first. Windows up to
     * {@value #MAX_PAGE} are asked for whole by score alone, which lets each shard skip documents that cannot enter
     * its top n (a sort with a tie-breaking field would make it collect every match); past that, the window is read
     * on in pages sorted by score and id.
     */
    List<Scored> top(String index, ClusterQueries.Compiled q, MatchRequest r, ScoringWeights w, HitLoader loader) {
        int need = r.offset() + r.k();
        Map<String, Scored> seen = new HashMap<>();
        List<Scored> admitted = new ArrayList<>();
        java.util.function.Consumer<Hit> rescore = hit -> {
            if (seen.containsKey(hit.id())) {
                return;   // read in an earlier, smaller window
            }
            Pair pair = loader.load(hit.id(), hit.form());
            Scored s = pair == null ? null : new Scored(pair, Scorer.score(pair.profile(), pair.vacancy(), w));
            seen.put(hit.id(), s);
            if (s != null && s.score() >= r.minScore()) {
                admitted.add(s);
            }
        };
        Cursor sorted = null;
        long wanted = need + 4L;
        while (true) {
            boolean exhausted;
            double last;
            if (wanted <= MAX_PAGE) {
                Cursor whole = new Cursor(index, q, null, false);
                exhausted = !whole.next(wanted, rescore);
                last = whole.lastScore;
            } else {
                if (sorted == null) {
                    sorted = new Cursor(index, q, null, true);
                }
                exhausted = !sorted.next(wanted - sorted.read, rescore);
                last = sorted.lastScore;
            }
            admitted.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.pair().id()));
            if (exhausted) {
                return admitted;
            }
            double bound = last + q.constant() + q.maxError();
            if (bound < r.minScore()
                    || (admitted.size() >= need && admitted.get(need - 1).score() + TIE_TOLERANCE >= bound)) {
                return admitted;
            }
            wanted = Math.min(wanted * 4, Integer.MAX_VALUE);
        }
    }

    /**
     * How many documents pass the filters with an exact score of at least {@code minScore}: reads every document
     * whose bounding score could reach it, in pages, so memory stays bounded.
     */
    int count(String index, ClusterQueries.Compiled q, MatchRequest r, ScoringWeights w, HitLoader loader) {
        // a document whose DSL score is below this cannot reach minScore exactly
        double least = r.minScore() - q.constant() - q.maxError() - 1e-6;
        Cursor cursor = new Cursor(index, q, least > 0 ? least : null, true);
        int[] n = {0};
        while (cursor.next(MAX_PAGE, hit -> {
            Pair pair = loader.load(hit.id(), hit.form());
            if (pair != null && Scorer.score(pair.profile(), pair.vacancy(), w) >= r.minScore()) {
                n[0]++;
            }
        })) {
            // reads on until the matches end
        }
        return n[0];
    }

    private record Hit(String id, byte[] form) {
    }

    /**
     * Reads one query's hits in score order: sorted by score and id, page after page ({@code search_after}); or,
     * unsorted, one request of at most {@value #MAX_PAGE} hits by score alone.
     */
    private final class Cursor {
        private final String index;
        private final ClusterQueries.Compiled q;
        private final Double minScore;
        private final boolean paged;
        private JsonNode after;
        int read;
        double lastScore = Double.POSITIVE_INFINITY;

        Cursor(String index, ClusterQueries.Compiled q, Double minScore, boolean paged) {
            this.index = index;
            this.q = q;
            this.minScore = minScore;
            this.paged = paged;
        }

        /** Reads up to {@code n} more hits; false when the matches ended before that. */
        boolean next(long n, java.util.function.Consumer<Hit> sink) {
            long left = n;
            while (left > 0) {
                int size = (int) Math.min(left, MAX_PAGE);
                ObjectNode body = Http.JSON.createObjectNode();
                body.put("size", size);
                body.put("track_total_hits", false);
                body.set("query", q.query());
                if (paged) {
                    ArrayNode sort = body.putArray("sort");
                    sort.addObject().put("_score", "desc");
                    sort.addObject().put("id", "asc");
                }
                body.putArray("_source").add("form");
                if (minScore != null) {
                    body.put("min_score", minScore.floatValue());
                }
                if (after != null) {
                    body.set("search_after", after);
                }
                JsonNode hits = http.json("POST", index + "/_search", body).path("hits").path("hits");
                for (JsonNode hit : hits) {
                    sink.accept(new Hit(hit.path("_id").asText(), ClusterDocuments.form(hit.path("_source"))));
                    if (paged) {
                        after = hit.path("sort");
                        lastScore = after.path(0).asDouble();
                    } else {
                        lastScore = hit.path("_score").asDouble();
                    }
                }
                read += hits.size();
                left -= hits.size();
                if (hits.size() < size) {
                    return false;
                }
                if (!paged) {
                    return true;   // one request only: nothing to continue from
                }
            }
            return true;
        }
    }
}
