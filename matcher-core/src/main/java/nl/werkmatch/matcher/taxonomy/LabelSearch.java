package nl.werkmatch.matcher.taxonomy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.fa.PersianStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.tartarus.snowball.ext.DutchStemmer;

/**
 * Finds skills and occupations by their preferred and alternative labels in any loaded language, for
 * type-ahead: tolerant of case, diacritics, simple inflection (a light stemmer per language where Lucene has
 * one) and typos. Built once per taxonomy as an in-memory Lucene index, one document per distinct label.
 *
 * <p>Ranking, in tiers that a lower tier cannot overtake for the same query word: the whole label equals the
 * query; each query word matches a label word after stemming; the last query word is a prefix of a label
 * word (type-ahead); a label word is one edit away, then two (words of 6 letters or more, except the word still
 * being typed). Within a tier a preferred label beats an alternative one, then a shorter label beats a longer
 * one; labels matching more query words rank higher. Each concept or occupation appears once, under its best
 * label. Thread-safe; about 2-4 s to build for ESCO's 132k English labels, a few milliseconds per query.
 */
public final class LabelSearch {

    /** What to search, and what a hit is. */
    public enum Kind {
        /** Skills and knowledge areas. */
        SKILL,
        /** Occupations. */
        OCCUPATION,
        /** Both. */
        ANY
    }

    /**
     * One skill or occupation found.
     *
     * @param kind         {@link Kind#SKILL} (any concept: skill, knowledge or group) or {@link Kind#OCCUPATION}
     * @param index        the dense concept or occupation index in the taxonomy
     * @param id           the concept or occupation id
     * @param label        its preferred label in {@code language}, else its label in the default language
     * @param language     the language of the label that matched
     * @param matchedLabel the label that matched, preferred or alternative
     * @param score        higher is better; comparable within one search only
     */
    public record LabelHit(Kind kind, int index, String id, String label, String language, String matchedLabel,
                           float score) {
    }

    static final int MAX_LIMIT = 100;
    private static final int MAX_QUERY_WORDS = 16;   // type-ahead input; bounds the query's clause count
    private static final int MAX_GRAM = 20;           // longest indexed prefix
    private static final int MIN_FUZZY = 3;           // shorter words match too much at one edit
    private static final int MIN_TWO_EDITS = 6;       // from this length a word may be two edits away
    private static final int FUZZY_PREFIX = 1;        // the first letter must match: a typo there is rare, and it keeps fuzzy fast
    private static final int TYPO_CACHE_WORDS = 4096;   // a few kB each

    // Tier boosts per query word: each gap (1.5, 1.3, 1.2) exceeds PREFERRED + SHORT (at most 0.8), so those
    // only order labels within a tier. EXACT is added on top of the word tiers the whole label also matches.
    private static final float EXACT = 12f;
    private static final float WORD = 5f;
    private static final float PREFIX = 3.5f;
    private static final float FUZZY_ONE = 2.2f;
    private static final float FUZZY_TWO = 1.0f;
    private static final float PREFERRED = 0.5f;
    private static final float SHORT = 0.3f;

    private static final String KIND = "kind";
    private static final String LANG = "lang";
    private static final String EXACT_FIELD = "exact";
    private static final String PLAIN = "plain";
    private static final String EDGE = "edge";
    private static final String STEM = "stem.";
    private static final String RANK = "rank";
    private static final String ENTRY = "entry";
    private static final String SKILL_KIND = "skill";
    private static final String OCCUPATION_KIND = "occupation";

    private static final FieldType WORDS = wordsType();

    private final SkillTaxonomy taxonomy;
    private final Analyzer plain;
    private final Map<String, Analyzer> stemmers;     // language -> analyzer of field STEM + language
    private final IndexSearcher searcher;
    private final int[] docToEntry;
    private final boolean[] entryOccupation;
    private final int[] entryIndex;
    private final String[] entryLanguage;
    private final String[] entryText;
    private final Cache<String, Query> typoCache = CacheBuilder.newBuilder().maximumSize(TYPO_CACHE_WORDS).build();

    private LabelSearch(SkillTaxonomy taxonomy, Analyzer plain, Map<String, Analyzer> stemmers, IndexSearcher searcher,
                        int[] docToEntry, LabelEntries entries) {
        this.taxonomy = taxonomy;
        this.plain = plain;
        this.stemmers = stemmers;
        this.searcher = searcher;
        this.docToEntry = docToEntry;
        this.entryOccupation = entries.occupation;
        this.entryIndex = entries.index;
        this.entryLanguage = entries.language;
        this.entryText = entries.text;
    }

    /** Indexes every label of every concept and occupation in every language of the taxonomy. */
    public static LabelSearch of(SkillTaxonomy taxonomy) {
        Objects.requireNonNull(taxonomy, "taxonomy");
        Analyzer plain = analyzer(UnaryOperator.identity());
        Analyzer edge = analyzer(ts -> new EdgeNGramTokenFilter(ts, 1, MAX_GRAM, true));
        Map<String, Analyzer> stemmers = new HashMap<>();
        Map<String, Analyzer> perField = new HashMap<>();
        perField.put(PLAIN, plain);
        perField.put(EDGE, edge);
        for (String language : taxonomy.languages()) {
            Analyzer a = analyzer(stemmerFor(language));
            stemmers.put(language, a);
            perField.put(STEM + language, a);
        }
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            IndexWriterConfig config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(plain, perField))
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(64);
            LabelEntries entries = new LabelEntries();
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (int i = 0; i < taxonomy.size(); i++) {
                    for (String language : taxonomy.languages()) {
                        addLabels(writer, entries, plain, false, i, language, taxonomy.labelIn(i, language),
                                taxonomy.altLabels(i, language));
                    }
                }
                for (int o = 0; o < taxonomy.occupationCount(); o++) {
                    for (String language : taxonomy.languages()) {
                        addLabels(writer, entries, plain, true, o, language, taxonomy.occupationLabelIn(o, language),
                                taxonomy.occupationAltLabels(o, language));
                    }
                }
                writer.commit();
            }
            DirectoryReader reader = DirectoryReader.open(directory);
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setQueryCache(null);   // type-ahead queries rarely repeat
            return new LabelSearch(taxonomy, plain, Map.copyOf(stemmers), searcher, docToEntry(reader), entries.trim());
        } catch (IOException e) {
            throw new UncheckedIOException("building the label index of " + taxonomy.id(), e);   // heap only: not expected
        }
    }

    /** The taxonomy searched. */
    public SkillTaxonomy taxonomy() { return taxonomy; }

    /**
     * The best {@code limit} skills and/or occupations for a query, best first.
     *
     * @param query    what the user typed; blank or punctuation only gives an empty list
     * @param language search labels in this language only, or null for every language
     * @param limit    1..100
     * @param kind     skills, occupations or both
     */
    public List<LabelHit> search(String query, String language, int limit, Kind kind) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(kind, "kind");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in [1, " + MAX_LIMIT + "], got " + limit);
        }
        List<String> words = analyze(plain, PLAIN, query);
        if (words.isEmpty()) {
            return List.of();
        }
        if (words.size() > MAX_QUERY_WORDS) {
            words = words.subList(0, MAX_QUERY_WORDS);
        }
        String lang = language == null ? null : language.strip().toLowerCase(Locale.ROOT);
        if (lang != null && !stemmers.containsKey(lang)) {
            return List.of();   // no label in that language
        }
        try {
            return collect(searcher.rewrite(compile(words, lang, kind)), limit);
        } catch (IOException e) {
            throw new UncheckedIOException("searching labels", e);
        }
    }

    @Override
    public String toString() {
        return "LabelSearch[" + taxonomy.id() + ", " + entryText.length + " labels in " + stemmers.keySet() + "]";
    }

    // ---- querying

    private Query compile(List<String> words, String lang, Kind kind) throws IOException {
        BooleanQuery.Builder matches = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        matches.add(boosted(new TermQuery(new Term(EXACT_FIELD, String.join(" ", words))), EXACT), Occur.SHOULD);
        Iterable<String> languages = lang == null ? stemmers.keySet() : List.of(lang);
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            List<Query> ways = new ArrayList<>();
            for (String l : languages) {
                for (String stem : analyze(stemmers.get(l), STEM + l, word)) {
                    ways.add(boosted(new TermQuery(new Term(STEM + l, stem)), WORD));
                }
            }
            boolean last = w == words.size() - 1;
            if (last && word.codePointCount(0, word.length()) <= MAX_GRAM) {
                ways.add(boosted(new TermQuery(new Term(EDGE, word)), PREFIX));
            }
            Query typos = typos(word, last);
            if (typos != null) {
                ways.add(typos);
            }
            if (!ways.isEmpty()) {
                matches.add(new DisjunctionMaxQuery(ways, 0f), Occur.SHOULD);
            }
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(matches.build(), Occur.MUST)
                .add(FeatureField.newLinearQuery(RANK, "pref", PREFERRED), Occur.SHOULD)
                .add(FeatureField.newLinearQuery(RANK, "short", SHORT), Occur.SHOULD);
        if (lang != null) {
            q.add(new TermQuery(new Term(LANG, lang)), Occur.FILTER);
        }
        if (kind != Kind.ANY) {
            q.add(new TermQuery(new Term(KIND, kind == Kind.SKILL ? SKILL_KIND : OCCUPATION_KIND)), Occur.FILTER);
        }
        return q.build();
    }

    /**
     * Label words one edit (from 3 letters) or two edits (from 6) away, or null for shorter words. The word
     * being typed (the last) gets one edit at most: it is probably incomplete, which the prefix tier covers, and
     * a two-edit automaton per keystroke would cost more than the rest of the query. Building Levenshtein
     * automata costs up to a few milliseconds per word and the index never changes, so the rewritten term
     * lists are cached: during type-ahead only the word being typed is new.
     */
    private Query typos(String word, boolean last) throws IOException {
        int length = word.codePointCount(0, word.length());
        if (length < MIN_FUZZY) {
            return null;
        }
        int edits = length >= MIN_TWO_EDITS && !last ? 2 : 1;
        String key = edits + word;
        Query cached = typoCache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        List<Query> ways = new ArrayList<>(2);
        ways.add(boosted(searcher.rewrite(fuzzy(word, 1)), FUZZY_ONE));
        if (edits == 2) {
            ways.add(boosted(searcher.rewrite(fuzzy(word, 2)), FUZZY_TWO));
        }
        Query typos = new DisjunctionMaxQuery(ways, 0f);
        typoCache.put(key, typos);
        return typos;
    }

    private static Query fuzzy(String word, int edits) {
        return new FuzzyQuery(new Term(PLAIN, word), edits, FUZZY_PREFIX, FuzzyQuery.defaultMaxExpansions,
                FuzzyQuery.defaultTranspositions, new MultiTermQuery.TopTermsBoostOnlyBooleanQueryRewrite(FuzzyQuery.defaultMaxExpansions));
    }

    private static Query boosted(Query q, float boost) {
        return new BoostQuery(new ConstantScoreQuery(q), boost);
    }

    /** Pages through the hits until limit distinct concepts or occupations are found. */
    private List<LabelHit> collect(Query query, int limit) throws IOException {
        List<LabelHit> hits = new ArrayList<>(limit);
        Set<Long> seen = new HashSet<>();
        int page = limit * 4;
        ScoreDoc after = null;
        while (hits.size() < limit) {
            // No total hit count needed, so scoring may skip documents that cannot enter the top page.
            TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(page, after, page));
            for (ScoreDoc sd : top.scoreDocs) {
                int e = docToEntry[sd.doc];
                long key = ((long) entryIndex[e] << 1) | (entryOccupation[e] ? 1 : 0);
                if (seen.add(key)) {
                    hits.add(hit(e, sd.score));
                    if (hits.size() == limit) {
                        break;
                    }
                }
            }
            if (top.scoreDocs.length < page) {
                break;
            }
            after = top.scoreDocs[top.scoreDocs.length - 1];
        }
        return List.copyOf(hits);
    }

    private LabelHit hit(int e, float score) {
        int index = entryIndex[e];
        String language = entryLanguage[e];
        if (entryOccupation[e]) {
            String preferred = taxonomy.occupationLabelIn(index, language);
            return new LabelHit(Kind.OCCUPATION, index, taxonomy.occupationId(index),
                    preferred != null ? preferred : taxonomy.occupationLabel(index, language), language, entryText[e], score);
        }
        String preferred = taxonomy.labelIn(index, language);
        return new LabelHit(Kind.SKILL, index, taxonomy.conceptId(index),
                preferred != null ? preferred : taxonomy.label(index, language), language, entryText[e], score);
    }

    // ---- indexing

    private static void addLabels(IndexWriter writer, LabelEntries entries, Analyzer plain, boolean occupation, int index,
                                  String language, String preferred, List<String> alternatives) throws IOException {
        Set<String> done = new HashSet<>();
        if (preferred != null) {
            addLabel(writer, entries, plain, occupation, index, language, preferred, true, done);
        }
        for (String alt : alternatives) {
            addLabel(writer, entries, plain, occupation, index, language, alt, false, done);
        }
    }

    private static void addLabel(IndexWriter writer, LabelEntries entries, Analyzer plain, boolean occupation, int index,
                                 String language, String text, boolean preferred, Set<String> done) throws IOException {
        List<String> words = analyze(plain, PLAIN, text);
        String exact = String.join(" ", words);
        // ESCO repeats the preferred label among the alternatives; one document per distinct label suffices.
        if (words.isEmpty() || !done.add(exact)) {
            return;
        }
        Document doc = new Document();
        doc.add(new StringField(KIND, occupation ? OCCUPATION_KIND : SKILL_KIND, Field.Store.NO));
        doc.add(new StringField(LANG, language, Field.Store.NO));
        doc.add(new StringField(EXACT_FIELD, exact, Field.Store.NO));
        doc.add(new Field(PLAIN, text, WORDS));
        doc.add(new Field(EDGE, text, WORDS));
        doc.add(new Field(STEM + language, text, WORDS));
        if (preferred) {
            doc.add(new FeatureField(RANK, "pref", 1f));
        }
        doc.add(new FeatureField(RANK, "short", 1f / words.size()));
        doc.add(new NumericDocValuesField(ENTRY, entries.add(occupation, index, language, text)));
        writer.addDocument(doc);
    }

    private static int[] docToEntry(DirectoryReader reader) throws IOException {
        int[] out = new int[reader.maxDoc()];
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues values = leaf.reader().getNumericDocValues(ENTRY);
            for (int doc = values.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = values.nextDoc()) {
                out[leaf.docBase + doc] = (int) values.longValue();
            }
        }
        return out;
    }

    private static FieldType wordsType() {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setIndexOptions(IndexOptions.DOCS);   // scores are constant per tier: no frequencies, positions or norms
        t.setOmitNorms(true);
        t.freeze();
        return t;
    }

    // ---- analysis

    /** Words, lower case, Arabic-script normalised, folded to ASCII where a Latin equivalent exists, then the tail. */
    private static Analyzer analyzer(UnaryOperator<TokenStream> tail) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new ASCIIFoldingFilter(new ArabicNormalizationFilter(new LowerCaseFilter(source)));
                return new TokenStreamComponents(source, tail.apply(ts));
            }
        };
    }

    /**
     * A light stemmer for the languages Lucene's common analysis has one for; others (Ukrainian, Tigrinya,
     * Somali, Turkish after folding...) are matched on folded words, prefixes and typos only.
     */
    private static UnaryOperator<TokenStream> stemmerFor(String language) {
        String primary = language.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return switch (primary) {
            case "nl" -> ts -> new SnowballFilter(ts, new DutchStemmer());
            case "en" -> ts -> new KStemFilter(new EnglishPossessiveFilter(ts));
            case "de" -> ts -> new GermanLightStemFilter(new GermanNormalizationFilter(ts));
            case "fr" -> ts -> new FrenchLightStemFilter(new ElisionFilter(ts, FrenchAnalyzer.DEFAULT_ARTICLES));
            case "es" -> SpanishLightStemFilter::new;
            case "it" -> ItalianLightStemFilter::new;
            case "pt" -> PortugueseLightStemFilter::new;
            case "ar" -> ArabicStemFilter::new;
            case "fa" -> ts -> new PersianStemFilter(new PersianNormalizationFilter(ts));
            case "ru" -> RussianLightStemFilter::new;
            default -> UnaryOperator.identity();
        };
    }

    private static List<String> analyze(Analyzer analyzer, String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a label", e);   // reading a String: not expected
        }
        return out;
    }
}
