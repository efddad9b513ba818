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

    /** The admitted hits of the smallest window that proves the page, best first. */
    List<Scored> top(String index, ClusterQueries.Compiled q, MatchRequest r, ScoringWeights w, HitLoader loader) {
        int need = r.offset() + r.k();
        Map<String, Scored> seen = new HashMap<>();
        List<Scored> admitted = new ArrayList<>();
        Cursor cursor = new Cursor(index, q, null);
        long wanted = need + 4L;
        while (true) {
            int before = cursor.read;
            boolean exhausted = !cursor.next(wanted - cursor.read, hit -> {
                if (seen.containsKey(hit.id())) {
                    return;   // a document moved between reads (a write went on); it was scored already
                }
                Pair pair = loader.load(hit.id(), hit.form());
                Scored s = pair == null ? null : new Scored(pair, Scorer.score(pair.profile(), pair.vacancy(), w));
                seen.put(hit.id(), s);
                if (s != null && s.score() >= r.minScore()) {
                    admitted.add(s);
                }
            });
            admitted.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.pair().id()));
            if (exhausted || cursor.read == before) {
                return admitted;
            }
            double bound = cursor.lastScore + q.constant() + q.maxError();
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
        Cursor cursor = new Cursor(index, q, least > 0 ? least : null);
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

    /** Reads one query's hits in score order, page after page. */
    private final class Cursor {
        private final String index;
        private final ClusterQueries.Compiled q;
        private final Double minScore;
        private JsonNode after;
        int read;
        double lastScore = Double.POSITIVE_INFINITY;

        Cursor(String index, ClusterQueries.Compiled q, Double minScore) {
            this.index = index;
            this.q = q;
            this.minScore = minScore;
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
                ArrayNode sort = body.putArray("sort");
                sort.addObject().put("_score", "desc");
                sort.addObject().put("id", "asc");
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
                    after = hit.path("sort");
                    lastScore = after.path(0).asDouble();
                }
                read += hits.size();
                left -= hits.size();
                if (hits.size() < size) {
                    return false;
                }
            }
            return true;
        }
    }
}
