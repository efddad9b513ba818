package nl.werkmatch.matcher.audit.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

import nl.werkmatch.matcher.Match;
import nl.werkmatch.matcher.MatchPage;
import nl.werkmatch.matcher.MatchRequest;
import nl.werkmatch.matcher.audit.Fairness;
import nl.werkmatch.matcher.model.Profile;

/**
 * A candidates page under a {@link Fairness} constraint (FA*IR). Reads the plain ranking page by page, tells the
 * protected candidates by their stored audit fields, and merges the two groups greedily: at prefix length i a
 * protected candidate is taken when fewer than m(i) are placed, otherwise the better of the two groups' best.
 *
 * <p>How much of the plain ranking is read: enough that the fair prefix up to the page's end is the one the whole
 * ranking would give, which holds once at least offset + k candidates and at least m(offset + k) protected ones
 * have been read (the greedy then never needs an unread candidate), or the ranking ends. The engine pages at most
 * {@value MatchRequest#MAX_WINDOW} deep; protected candidates beyond that are not seen, and the page then holds
 * every protected candidate that was.
 */
public final class FairRanking {
    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    private FairRanking() {
    }

    /**
     * The page {@code request} asks for, under its fairness constraint.
     *
     * @param plain the plain ranking (the request without the constraint)
     * @param profiles the stored profile of a candidate, empty when it was deleted meanwhile
     */
    public static MatchPage page(MatchRequest request, Function<MatchRequest, MatchPage> plain,
                                 Function<String, Optional<Profile>> profiles) {
        Fairness fairness = request.fairness();
        int need = request.offset() + request.k();
        int year = LocalDate.now(NETHERLANDS).getYear();
        int[] m = Binomial.table(need, fairness.share(), fairness.alpha());
        // the plain pages read below need no count; the constraint reorders, so the total is the plain one's
        MatchRequest base = request.toBuilder().fairness(null).withTotal(false).build();

        List<Match> ranked = new ArrayList<>();
        List<Boolean> isProtected = new ArrayList<>();
        int protectedSeen = 0;
        int read = 0;
        int pageSize = Math.min(MatchRequest.MAX_K, Math.max(2 * need, 50));
        while (read < MatchRequest.MAX_WINDOW) {
            int k = Math.min(pageSize, MatchRequest.MAX_WINDOW - read);
            List<Match> got = plain.apply(base.toBuilder().offset(read).k(k).build()).matches();
            read += got.size();
            for (Match match : got) {
                Optional<Profile> profile = profiles.apply(match.id());
                if (profile.isEmpty()) {
                    continue; // deleted since it was ranked
                }
                boolean p = fairness.isProtected(AuditFields.value(profile.get().audit(), fairness.attribute(), year));
                ranked.add(match);
                isProtected.add(p);
                protectedSeen += p ? 1 : 0;
            }
            if (got.size() < k || (ranked.size() >= need && protectedSeen >= m[need])) {
                break;
            }
            pageSize = MatchRequest.MAX_K;
        }

        int[] order = merge(isProtected, m, need);
        List<Match> page = new ArrayList<>();
        for (int i = request.offset(); i < order.length; i++) {
            Match match = ranked.get(order[i]);
            page.add(match.withMovedUpByFairness(i < order[i]));
        }
        OptionalInt total = request.withTotal()
                ? plain.apply(base.toBuilder().offset(0).k(1).withTotal(true).build()).total()
                : OptionalInt.empty();
        return new MatchPage(page, request.offset(), request.k(), total);
    }

    /**
     * The FA*IR merge of a ranking whose items are protected or not: the positions (in the plain ranking) of the fair
     * ranking's first {@code n} items. {@code m[i]} is the minimum number of protected items in a prefix of length i.
     */
    static int[] merge(List<Boolean> isProtected, int[] m, int n) {
        int size = Math.min(n, isProtected.size());
        int[] order = new int[size];
        int nextProtected = next(isProtected, 0, true);
        int nextOther = next(isProtected, 0, false);
        int placedProtected = 0;
        for (int i = 0; i < size; i++) {
            boolean takeProtected;
            if (nextProtected < 0) {
                takeProtected = false;
            } else if (nextOther < 0 || placedProtected < m[i + 1]) {
                takeProtected = true;
            } else {
                takeProtected = nextProtected < nextOther;
            }
            if (takeProtected) {
                order[i] = nextProtected;
                placedProtected++;
                nextProtected = next(isProtected, nextProtected + 1, true);
            } else {
                order[i] = nextOther;
                nextOther = next(isProtected, nextOther + 1, false);
            }
        }
        return order;
    }

    private static int next(List<Boolean> isProtected, int from, boolean wanted) {
        for (int i = from; i < isProtected.size(); i++) {
            if (isProtected.get(i) == wanted) {
                return i;
            }
        }
        return -1;
    }
}
