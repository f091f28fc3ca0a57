package solo.memory.ingest;

import java.util.List;

/**
 * The one path by which content enters memory. The store's artifact writes, file import and the
 * retrieval benchmark all go through it, so that what is measured is what ships.
 */
public interface MemoryIngest {

    /**
     * Indexes documents in the order given (which is also their order within their threads),
     * replacing earlier versions of the same sources. Searchable when this returns.
     */
    void ingest(List<MemoryDocument> documents);

    /** Forgets a source entirely. */
    void remove(String sourceId);

    /** Makes everything ingested so far durable. */
    void commit();
}
