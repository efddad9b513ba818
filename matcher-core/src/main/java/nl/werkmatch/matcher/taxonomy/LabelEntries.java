package nl.werkmatch.matcher.taxonomy;

import java.util.Arrays;

/** The labels behind {@link LabelSearch}'s documents, as parallel arrays indexed by document. */
final class LabelEntries {
    boolean[] occupation = new boolean[1024];
    int[] index = new int[1024];
    String[] language = new String[1024];
    String[] text = new String[1024];
    int size;

    int add(boolean isOccupation, int i, String lang, String label) {
        if (size == index.length) {
            int grown = size * 2;
            occupation = Arrays.copyOf(occupation, grown);
            index = Arrays.copyOf(index, grown);
            language = Arrays.copyOf(language, grown);
            text = Arrays.copyOf(text, grown);
        }
        occupation[size] = isOccupation;
        index[size] = i;
        language[size] = lang;
        text[size] = label;
        return size++;
    }

    LabelEntries trim() {
        occupation = Arrays.copyOf(occupation, size);
        index = Arrays.copyOf(index, size);
        language = Arrays.copyOf(language, size);
        text = Arrays.copyOf(text, size);
        return this;
    }
}
