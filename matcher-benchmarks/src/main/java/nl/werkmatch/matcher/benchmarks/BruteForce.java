package nl.werkmatch.matcher.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.scoring.ScoringWeights;

/**
 * Baseline (a): every document prepared in memory once; per query, the filters and the exact
 * {@link Scorer#score} on every one, keeping the top k in a bounded heap. Single-threaded like the engine.
 */
final class BruteForce {
    private BruteForce() {
    }

    static List<Hit> candidates(PreparedProfile[] profiles, PreparedVacancy pv, MatchRequest r, ScoringWeights w,
                                LocalDate today) {
        int k = r.k();
        PriorityQueue<Hit> heap = new PriorityQueue<>(k + 1, Hit.ORDER.reversed());
        if (!Filters.open(pv, today)) {
            return List.of();
        }
        for (PreparedProfile pp : profiles) {
            if (!Filters.admits(pp, pv, r, today)) {
                continue;
            }
            offer(heap, k, pp.id(), Scorer.score(pp, pv, w));
        }
        return drain(heap);
    }

    static List<Hit> vacancies(PreparedVacancy[] vacancies, PreparedProfile pp, MatchRequest r, ScoringWeights w,
                               LocalDate today) {
        int k = r.k();
        PriorityQueue<Hit> heap = new PriorityQueue<>(k + 1, Hit.ORDER.reversed());
        for (PreparedVacancy pv : vacancies) {
            if (!Filters.admits(pp, pv, r, today)) {
                continue;
            }
            offer(heap, k, pv.id(), Scorer.score(pp, pv, w));
        }
        return drain(heap);
    }

    private static void offer(PriorityQueue<Hit> heap, int k, String id, double score) {
        if (heap.size() < k) {
            heap.add(new Hit(id, score));
        } else {
            Hit worst = heap.peek();
            if (score > worst.score() || (score == worst.score() && id.compareTo(worst.id()) < 0)) {
                heap.poll();
                heap.add(new Hit(id, score));
            }
        }
    }

    private static List<Hit> drain(PriorityQueue<Hit> heap) {
        List<Hit> out = new ArrayList<>(heap);
        out.sort(Hit.ORDER);
        return out;
    }
}
