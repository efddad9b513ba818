package nl.werkmatch.matcher.index;

import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * Every feature of one document in one field: the same postings as one {@link FeatureField} per feature (the
 * feature's name as term, the top bits of its float value as term frequency, the same field type), written by
 * one token stream instead of a field each. A profile holds over a hundred skill features, and Lucene's per-field
 * work (looking up the field, setting up and tearing down a stream, encoding the name to UTF-8) cost more than the
 * postings themselves. Feature names are concept indexes, written as their decimal digits as {@link
 * Documents#term} does.
 */
final class FeatureList extends Field {
    /** FeatureField's field type; a field must keep one type across documents and segments. */
    private static final FieldType TYPE;

    static {
        FieldType t = new FieldType();
        t.setTokenized(false);
        t.setOmitNorms(true);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        t.freeze();
        TYPE = t;
    }

    private final int[] features;
    private final int[] frequencies;

    /**
     * @param features the i-th feature: distinct concept indexes (a term may occur once per document with a
     *                 custom frequency)
     * @param values   the i-th feature's value, positive; stored as FeatureField stores it
     */
    FeatureList(String name, int count, IntUnaryOperator features, IntToDoubleFunction values) {
        super(name, TYPE);
        this.features = new int[count];
        this.frequencies = new int[count];
        for (int i = 0; i < count; i++) {
            this.features[i] = features.applyAsInt(i);
            this.frequencies[i] = frequency((float) values.applyAsDouble(i));
        }
    }

    /** The term frequency FeatureField gives a value: its float's top 17 bits. */
    static int frequency(float value) {
        if (!(value >= Float.MIN_NORMAL) || !Float.isFinite(value)) {   // FeatureField's own rule
            throw new IllegalArgumentException("a feature value must be a positive normal float, got " + value);
        }
        return Float.floatToIntBits(value) >>> 15;
    }

    @Override
    public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
        Stream s = reuse instanceof Stream mine ? mine : new Stream();
        s.features = features;
        s.frequencies = frequencies;
        return s;
    }

    private static final class Stream extends TokenStream {
        private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);
        private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
        private final BytesRef bytes = new BytesRef(new byte[11]);
        private int[] features;
        private int[] frequencies;
        private int next;

        @Override
        public void reset() {
            next = 0;
        }

        @Override
        public boolean incrementToken() {
            if (next == features.length) {
                return false;
            }
            clearAttributes();
            decimal(features[next], bytes);
            term.setBytesRef(bytes);
            frequency.setTermFrequency(frequencies[next]);
            next++;
            return true;
        }

        @Override
        public void close() {
            features = null;
            frequencies = null;
        }
    }

    /** Writes the decimal digits of a non-negative int, as {@link Integer#toString} would in ASCII. */
    static void decimal(int value, BytesRef into) {
        byte[] b = into.bytes;
        int end = b.length;
        int at = end;
        do {
            b[--at] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        into.offset = at;
        into.length = end - at;
    }
}
