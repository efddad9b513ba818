package nl.werkmatch.matcher.index;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.search.ReferenceManager;

/**
 * The ids written (true) or deleted (false) since the searcher last refreshed, so that a delete can say whether it
 * removed a document without refreshing first (Elasticsearch's live version map does the same job). A write is
 * recorded after it reached the index writer; a refresh moves the current entries aside, opens a reader that holds
 * every one of them, and then drops them, so an id is always found either here or in the visible index.
 */
final class LiveIds implements ReferenceManager.RefreshListener {
    /** Bound on the entries kept: more asks for a refresh, which empties the map. */
    static final int REFRESH_AT = 100_000;

    private volatile Map<String, Boolean> current = new ConcurrentHashMap<>();
    private volatile Map<String, Boolean> refreshing = Map.of();

    void written(String id, boolean exists) {
        current.put(id, exists);
    }

    /** Whether the last write of this id since the refresh kept a document, or null when there was none. */
    Boolean pending(String id) {
        Boolean b = current.get(id);
        return b != null ? b : refreshing.get(id);
    }

    int size() {
        return current.size() + refreshing.size();
    }

    @Override
    public void beforeRefresh() {
        // readers first see `refreshing`, then the new map, so no entry is missed in between
        refreshing = current;
        current = new ConcurrentHashMap<>();
    }

    @Override
    public void afterRefresh(boolean didRefresh) {
        refreshing = Map.of();
    }
}
