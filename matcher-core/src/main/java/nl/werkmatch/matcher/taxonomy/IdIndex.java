package nl.werkmatch.matcher.taxonomy;

/**
 * The dense index of each of a fixed list of distinct ids: an open-addressing table of (hash, index) pairs in one
 * long array, so a lookup reads one slot, then compares the one id whose hash matches. Every record written looks
 * up each of its skills, usually while the index writer's buffers have pushed the taxonomy out of the cache; a
 * {@code HashMap<String, Integer>} then costs a miss per hop (table, node, key, key bytes, boxed value), this
 * about two. Immutable; safe for concurrent readers.
 */
final class IdIndex {
    private final String[] ids;
    private final long[] slots;   // 0 = empty, else hash << 32 | (index + 1)
    private final int mask;

    /** @param ids distinct ids; the index of ids[i] is i */
    IdIndex(String[] ids) {
        this.ids = ids;
        int capacity = Integer.highestOneBit(Math.max(2, ids.length) * 2 - 1) * 2;   // load factor at most 1/2
        this.slots = new long[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < ids.length; i++) {
            int h = ids[i].hashCode();
            int s = spread(h) & mask;
            while (slots[s] != 0) {
                if (ids[(int) slots[s] - 1].equals(ids[i])) {
                    throw new IllegalArgumentException("duplicate id " + ids[i]);
                }
                s = (s + 1) & mask;
            }
            slots[s] = (long) h << 32 | (i + 1);
        }
    }

    /** The index of the id, or -1 when it is not in the list. */
    int indexOf(String id) {
        int h = id.hashCode();
        for (int s = spread(h) & mask; ; s = (s + 1) & mask) {
            long slot = slots[s];
            if (slot == 0) {
                return -1;
            }
            if ((int) (slot >>> 32) == h) {
                int i = (int) slot - 1;
                if (ids[i].equals(id)) {
                    return i;
                }
            }
        }
    }

    /** Mixes the high bits of String hashes (similar prefixes) into the low ones the mask keeps. */
    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
