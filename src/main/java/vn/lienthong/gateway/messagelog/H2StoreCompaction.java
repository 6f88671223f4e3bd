package vn.lienthong.gateway.messagelog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rewrites the sparsely used chunks of an embedded H2 store file, as H2's background writer would: with
 * {@code WRITE_DELAY=0} (each commit written before it returns) H2 runs no background writer, and its file would grow
 * with every commit, since a chunk that keeps a single live page is never freed.
 */
@Component("h2StoreCompaction")
public class H2StoreCompaction {

    /** Chunks are rewritten while less than this share (per cent) of what they hold is still live. */
    static final int TARGET_FILL_RATE = 80;
    /** At most this many bytes are rewritten per run, so that a run does not hold the store's lock for long. */
    static final int MAX_REWRITE_BYTES = 4 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(H2StoreCompaction.class);

    private final DataSource dataSource;
    private volatile boolean notAnEmbeddedH2File;

    H2StoreCompaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One run: rewrites chunks until the target fill rate or the byte limit is reached; nothing for other stores. */
    public void compact() throws SQLException {
        if (notAnEmbeddedH2File) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            Optional<MVStore> store = embeddedFileStore(connection);
            notAnEmbeddedH2File = store.isEmpty();
            if (store.isPresent() && store.get().compact(TARGET_FILL_RATE, MAX_REWRITE_BYTES)) {
                LOG.debug("H2 store compacted: file {} bytes, {} % of it live, chunks {} % live",
                        store.get().getFileStore().size(), store.get().getFillRate(),
                        store.get().getFileStore().getChunksFillRate());
            }
        }
    }

    /** The MVStore behind an embedded, file-based H2 connection; empty for PostgreSQL, H2 in memory or over TCP. */
    static Optional<MVStore> embeddedFileStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
                || !session.getDatabase().isPersistent() || session.getDatabase().getStore() == null) {
            return Optional.empty();
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null || store.isReadOnly() ? Optional.empty() : Optional.of(store);
    }
}
