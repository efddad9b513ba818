package nl.werkmatch.matcher.json;

import java.util.ArrayList;
import java.util.List;

import nl.werkmatch.matcher.Problem;

/** The problems found in one object, in the order found, with helpers to build their paths. */
final class Problems {
    /** A hostile or badly generated object could yield millions of problems; a person reads the first hundred. */
    static final int MAX_LISTED = 100;

    private final List<Problem> listed = new ArrayList<>();
    private int unlisted;

    void add(String path, String message) {
        if (listed.size() < MAX_LISTED) {
            listed.add(new Problem(path, message));
        } else {
            unlisted++;
        }
    }

    boolean isEmpty() {
        return listed.isEmpty();
    }

    List<Problem> toList() {
        if (unlisted == 0) {
            return List.copyOf(listed);
        }
        List<Problem> all = new ArrayList<>(listed);
        all.add(new Problem("", "and " + unlisted + " more problems not listed"));
        return List.copyOf(all);
    }

    static String field(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }
}
