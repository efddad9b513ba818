package nl.werkmatch.examples.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.logging.Level;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.util.BytesRef;

import nl.werkmatch.examples.RecordStore;
import nl.werkmatch.matcher.Matcher;
import nl.werkmatch.matcher.geo.ResolvedLocation;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/**
 * Finds vacancies by title, employer, occupation label (in every language of the taxonomy) or id, for the web
 * page's search. The matcher has no text search of vacancies, so the service keeps this small in-memory index
 * beside it: built from every stored vacancy when the server starts (in the background: reading 200,000 stored
 * vacancies takes the matcher several seconds), and brought up to date by the write routes through {@link #sync},
 * which re-reads the vacancy from the matcher, so that concurrent writes of one id converge on what the matcher
 * holds.
 */
final class VacancySearch implements AutoCloseable {
    static final int MAX_LIMIT = 100;
    static final int MAX_QUERY_CHARS = 200;
    private static final int MAX_TERMS = 12;
    /** Totals are counted exactly up to here; beyond it the answer says "at least". */
    private static final int COUNT_UP_TO = 1000;
    private static final int PROGRESS_EVERY = 50_000;

    /** One vacancy found: the facts a result list shows. Region and municipality are null for an unknown place. */
    record Hit(String id, String title, String employer, String occupation, String municipality, String region,
               String jobType, int positions) {
    }

    /** The hits, best first, and how many vacancies match ({@code exact} false: at least {@code total}). */
    record Result(List<Hit> hits, long total, boolean exact) {
    }

    private final RecordStore matcher;
    private final SkillTaxonomy taxonomy;
    private final Analyzer analyzer = new FoldingAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Ids written while the build walks the vacancies: indexed again, as the matcher has them, once it is done. */
    private final Set<String> writtenDuringBuild = new LinkedHashSet<>();
    private final AtomicInteger indexed = new AtomicInteger();
    private final long total;
    private volatile boolean ready;
    private volatile boolean closed;
    private volatile String failure;

    private VacancySearch(RecordStore matcher) throws IOException {
        this.matcher = matcher;
        this.taxonomy = matcher.taxonomy();
        this.total = matcher.vacancyCount();
        // A purge rewrites every segment with a deleted vacancy in it, however few (the default leaves up to 10%).
        this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64)
                .setMergePolicy(new TieredMergePolicy().setForceMergeDeletesPctAllowed(0)));
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Indexes every vacancy the matcher holds, on this thread.
     *
     * @param progress told how far the build is, every 50,000 vacancies and at the end
     */
    static VacancySearch build(Matcher matcher, Consumer<String> progress) {
        return build(RecordStore.of(matcher), progress);
    }

    /** As {@link #build(Matcher, Consumer)}, over any store. */
    static VacancySearch build(RecordStore matcher, Consumer<String> progress) {
        VacancySearch search = create(matcher);
        search.fill(progress, n -> { });
        return search;
    }

    /**
     * Starts indexing every vacancy on a thread of its own and answers at once, so that a server over many
     * vacancies serves everything else meanwhile; {@link #ready()} says when searches can be answered. Writes
     * synced during the build are applied when it ends.
     */
    static VacancySearch start(RecordStore matcher, Consumer<String> progress) {
        return start(matcher, progress, n -> { });
    }

    /** As {@link #start(RecordStore, Consumer)}; {@code afterEach} is told the count after each vacancy (for tests). */
    static VacancySearch start(Matcher matcher, Consumer<String> progress, IntConsumer afterEach) {
        return start(RecordStore.of(matcher), progress, afterEach);
    }

    /** As {@link #start(RecordStore, Consumer)}; {@code afterEach} is told the count after each vacancy. */
    static VacancySearch start(RecordStore matcher, Consumer<String> progress, IntConsumer afterEach) {
        VacancySearch search = create(matcher);
        Thread.ofPlatform().daemon().name("werkmatch-vacancy-search").start(() -> {
            try {
                search.fill(progress, afterEach);
            } catch (RuntimeException e) {
                if (search.closed) {
                    return; // the server stopped during the build: nothing to say
                }
                search.failure = "the vacancy search could not be built; the server's log says why";
                Front.LOG.log(Level.WARNING, "the vacancy search could not be built", e);
            }
        });
        return search;
    }

    private static VacancySearch create(RecordStore matcher) {
        try {
            return new VacancySearch(matcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fill(Consumer<String> progress, IntConsumer afterEach) {
        long start = System.nanoTime();
        try {
            matcher.forEachVacancy(v -> {
                if (closed) {
                    throw new IllegalStateException("the vacancy search was closed during its build");
                }
                add(v);
                int n = indexed.incrementAndGet();
                if (n % PROGRESS_EVERY == 0) {
                    progress.accept(String.format(Locale.ROOT, "vacancy search: %,d of %,d vacancies indexed", n, total));
                }
                afterEach.accept(n);
            });
            synchronized (this) {
                // The walk saw a snapshot; what was written since is indexed as it is now (replacing the snapshot's).
                apply(writtenDuringBuild);
                writtenDuringBuild.clear();
                searchers.maybeRefreshBlocking();
                ready = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        progress.accept(String.format(Locale.ROOT, "vacancy search: %,d vacancies indexed in %,d ms", indexed.get(), ms));
    }

    /** Whether searches can be answered (the build is done). */
    boolean ready() {
        return ready;
    }

    /** Why searches cannot be answered yet: how far the build is, or that it failed. */
    String notReadyReason() {
        return failure != null ? failure : String.format(Locale.ROOT,
                "the vacancy search is being built: %,d of %,d vacancies indexed", indexed.get(), total);
    }

    private void add(Vacancy v) {
        try {
            writer.addDocument(document(v));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Brings these ids up to date with the matcher (indexed as stored there now, or removed), then refreshes. */
    synchronized void sync(Collection<String> ids) {
        if (!ready) {
            writtenDuringBuild.addAll(ids);
            return;
        }
        try {
            apply(ids);
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void apply(Collection<String> ids) throws IOException {
        for (String id : ids) {
            Optional<Vacancy> v = matcher.vacancy(id);
            if (v.isPresent()) {
                // Replaces every document of this id, so a stale one the build added goes too.
                writer.updateDocument(new Term("id", id), document(v.get()));
            } else {
                writer.deleteDocuments(new Term("id", id));
            }
        }
    }

    /**
     * The best vacancies for the words of {@code q}: each word must occur in the title, the employer or the
     * occupation's labels (the last one may be the start of a word, for type-ahead); an id given whole or as
     * its start ranks first. No words: every vacancy, in id order.
     *
     * @param region only vacancies in this labour market region (its name), or null
     */
    Result search(String q, String region, int limit) {
        if (!ready) {
            throw new IllegalStateException(notReadyReason());
        }
        String text = q == null ? "" : q;
        boolean anyWord = !words(text).isEmpty();
        Query query = query(text);
        if (region != null) {
            query = new BooleanQuery.Builder().add(query, Occur.MUST).add(new TermQuery(new Term("region", region)), Occur.FILTER).build();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = !anyWord
                        ? searcher.search(query, limit, new Sort(new SortField("idSort", SortField.Type.STRING)), false)
                        : searcher.search(query, limit);
                int total = searcher.count(query);
                List<Hit> hits = new ArrayList<>();
                var stored = searcher.storedFields();
                for (ScoreDoc sd : top.scoreDocs) {
                    Document d = stored.document(sd.doc);
                    hits.add(new Hit(d.get("id"), d.get("title"), d.get("employer"), d.get("occupation"),
                            d.get("municipality"), d.get("region"), d.get("jobType"),
                            d.getField("positions").numericValue().intValue()));
                }
                return new Result(hits, Math.min(total, COUNT_UP_TO), total <= COUNT_UP_TO);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query query(String q) {
        List<String> words = words(q);
        if (words.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder everyWord = new BooleanQuery.Builder();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean last = i == words.size() - 1;
            BooleanQuery.Builder anyField = new BooleanQuery.Builder();
            for (String field : new String[] {"title", "employer", "occupationText"}) {
                float boost = field.equals("title") ? 3f : field.equals("employer") ? 2f : 1.5f;
                anyField.add(new BoostQuery(new TermQuery(new Term(field, w)), boost), Occur.SHOULD);
                if (last) {
                    anyField.add(new BoostQuery(new PrefixQuery(new Term(field, w)), boost / 2), Occur.SHOULD);
                }
            }
            everyWord.add(anyField.build(), Occur.MUST);
        }
        String id = q.trim().toLowerCase(Locale.ROOT);
        return new BooleanQuery.Builder()
                .add(everyWord.build(), Occur.SHOULD)
                .add(new BoostQuery(new TermQuery(new Term("idLower", id)), 100f), Occur.SHOULD)
                .add(new BoostQuery(new PrefixQuery(new Term("idLower", id)), 20f), Occur.SHOULD)
                .build();
    }

    /** The folded words of {@code q}, as the index holds them; at most twelve. */
    List<String> words(String q) {
        return words(q, MAX_TERMS);
    }

    /** The folded words of {@code text}, at most {@code max}. */
    List<String> words(String text, int max) {
        List<String> words = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("title", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && words.size() < max) {
                words.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private Document document(Vacancy v) {
        Document d = new Document();
        d.add(new StringField("id", v.id(), Field.Store.YES));
        d.add(new StringField("idLower", v.id().toLowerCase(Locale.ROOT), Field.Store.NO));
        d.add(new SortedDocValuesField("idSort", new BytesRef(v.id())));
        if (v.title() != null) {
            d.add(new TextField("title", v.title(), Field.Store.YES));
        }
        if (v.employer() != null) {
            d.add(new TextField("employer", v.employer(), Field.Store.YES));
        }
        if (v.occupation() != null) {
            d.add(new StoredField("occupation", v.occupation()));
            int o = taxonomy.occupationIndexOf(v.occupation());
            if (o >= 0) {
                for (String lang : taxonomy.languages()) {
                    String label = taxonomy.occupationLabelIn(o, lang);
                    if (label != null) {
                        d.add(new TextField("occupationText", label, Field.Store.NO));
                    }
                }
            }
        }
        Optional<ResolvedLocation> place = v.location() == null ? Optional.empty() : matcher.regions().resolve(v.location());
        place.ifPresent(p -> {
            d.add(new StoredField("municipality", p.municipality().name()));
            d.add(new StringField("region", p.region().name(), Field.Store.YES));
        });
        if (v.jobType() != null) {
            d.add(new StoredField("jobType", v.jobType().name()));
        }
        d.add(new StoredField("positions", v.positions()));
        return d;
    }

    /**
     * Erases deleted vacancies from the index's memory, not only from its answers (after the matcher's purge): the
     * segments holding them are rewritten and the old ones dropped once no search reads them.
     */
    synchronized void purgeDeleted() {
        if (closed) {
            return;
        }
        try {
            writer.forceMergeDeletes(true);
            searchers.maybeRefreshBlocking();
            writer.deleteUnusedFiles();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the index holds in memory, file by file (for the erasure test). */
    List<byte[]> files() throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (String name : directory.listAll()) {
            try (var in = directory.openInput(name, IOContext.READONCE)) {
                byte[] bytes = new byte[(int) in.length()];
                in.readBytes(bytes, 0, bytes.length);
                out.add(bytes);
            }
        }
        return out;
    }

    /** Stops a build that is still running and frees the index; searches and syncs after this fail. */
    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            try {
                searchers.close();
                writer.close();
                directory.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Words as people type them: lower case, accents folded (café = cafe), no stemming. */
    private static final class FoldingAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new ASCIIFoldingFilter(new LowerCaseFilter(source));
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
