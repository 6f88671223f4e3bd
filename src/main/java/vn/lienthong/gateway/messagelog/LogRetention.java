package vn.lienthong.gateway.messagelog;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * Keeps the message log in the store for the retention period only: entries older than it, up to a signed
 * checkpoint, are written to a signed export archive under the archive folder, the archive is verified as an auditor
 * would verify it, and only then are the entries deleted (down to a 64-entry boundary, so the stored subtrees still
 * give the tree's frontier) together with the payloads of messages that are finished (delivered, discarded, refused)
 * and have no entry left. The tree goes on from the frontier; the next archive starts where this one purged.
 */
public class LogRetention {

    /** Entries are purged down to a multiple of this, the smallest stored subtree, so the frontier stays in the store. */
    static final long PURGE_ALIGNMENT = 1L << StoredSubtrees.MIN_STORED_HEIGHT;

    private static final Logger LOG = LoggerFactory.getLogger(LogRetention.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AuditExportWriter writer;
    private final MessageStore store;
    private final Clock clock;
    private final String nodeId;
    private final Duration keep;
    private final Path archiveDir;
    private final List<X509Certificate> trust;

    public LogRetention(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditExportWriter writer,
                        MessageStore store, Clock clock, String nodeId, Duration keep, Path archiveDir,
                        X509Certificate gatewayRoot) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.writer = writer;
        this.store = store;
        this.clock = clock;
        this.nodeId = nodeId;
        this.keep = keep;
        this.archiveDir = archiveDir;
        this.trust = List.of(gatewayRoot);
    }

    /** Archives and purges what is older than the retention period; answers the archive written, or null. */
    public synchronized Path archiveAndPurge() {
        if (keep == null) {
            return null;
        }
        long first = LogArchives.purgedBelow(jdbc);
        Instant cutoff = clock.instant().minus(keep);
        Long firstKept = jdbc.queryForObject("""
                SELECT MIN(l.log_index) FROM log_leaf l JOIN message_event e ON e.seq = l.seq
                WHERE l.log_index >= ? AND e.occurred_at >= ?""", Long.class, first,
                OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
        Long end = jdbc.queryForObject("""
                SELECT MAX(tree_size) FROM log_checkpoint WHERE node_id = ? AND tree_size <= ?""", Long.class, nodeId,
                firstKept == null ? Long.MAX_VALUE : firstKept);
        if (end == null || end / PURGE_ALIGNMENT * PURGE_ALIGNMENT <= first) {
            return null;
        }
        long purgeBelow = end / PURGE_ALIGNMENT * PURGE_ALIGNMENT;
        ExportRange range = new ExportRange(nodeId, null, null, first, end, new StoredSubtrees(jdbc).frontier(first),
                0, 0);
        Path archive = write(range);
        String sha256 = sha256(archive);
        tx.executeWithoutResult(status -> purge(range, purgeBelow, archive, sha256));
        store.recordAdminAction("retention", null, "archived entries " + first + ".." + (end - 1) + " to "
                + archive.getFileName() + " (SHA-256 " + sha256 + ") and purged the entries below " + purgeBelow);
        LOG.info("Message log: archived entries {}..{} to {}, purged below {}", first, end - 1, archive, purgeBelow);
        return archive;
    }

    private Path write(ExportRange range) {
        try {
            Files.createDirectories(archiveDir);
            Path partial = archiveDir.resolve("partial-" + range.firstIndex() + ".zip");
            try (OutputStream out = Files.newOutputStream(partial)) {
                writer.write(range, out);
            }
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            verify(partial);
            Path archive = archiveDir.resolve("lienthong-log-" + nodeId + "-" + range.firstIndex() + "-"
                    + range.endIndex() + ".zip");
            return Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the message-log archive under " + archiveDir, e);
        }
    }

    /** Checks the archive as an auditor would, before anything is purged; a bad archive purges nothing. */
    private void verify(Path archive) throws IOException {
        try (ExportArchive opened = ExportArchive.open(archive)) {
            new ExportVerifier(opened, trust, new PrintStream(OutputStream.nullOutputStream())).verify();
        } catch (OfflineVerifier.Invalid invalid) {
            throw new IllegalStateException("The message-log archive " + archive + " does not verify ("
                    + invalid.getMessage() + "); nothing was purged", invalid);
        }
    }

    private void purge(ExportRange range, long purgeBelow, Path archive, String sha256) {
        jdbc.update("""
                INSERT INTO log_archive (end_index, first_index, purged_below, file_name, file_sha256, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""", range.endIndex(), range.firstIndex(), purgeBelow,
                archive.getFileName().toString(), sha256, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        jdbc.update("""
                UPDATE message SET payload = ?, payload_encoding = ?
                WHERE state IN ('DELIVERED', 'DISCARDED', 'REFUSED') AND payload_encoding <> ?
                  AND message_id IN (SELECT e.message_id FROM message_event e JOIN log_leaf l ON l.seq = e.seq
                                     WHERE l.log_index < ?)
                  AND NOT EXISTS (SELECT 1 FROM message_event e LEFT JOIN log_leaf l ON l.seq = e.seq
                                  WHERE e.message_id = message.message_id
                                    AND (l.log_index IS NULL OR l.log_index >= ?))""",
                new byte[0], PayloadCodec.PURGED, PayloadCodec.PURGED, purgeBelow, purgeBelow);
        jdbc.update("DELETE FROM message_event WHERE seq IN (SELECT seq FROM log_leaf WHERE log_index < ?)", purgeBelow);
        jdbc.update("DELETE FROM log_leaf WHERE log_index < ?", purgeBelow);
    }

    /** The SHA-256 of an archive, read as a stream: a year's archive need not fit in memory. */
    private static String sha256(Path file) {
        try (java.security.DigestInputStream in = new java.security.DigestInputStream(Files.newInputStream(file),
                java.security.MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return java.util.HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the archive " + file, e);
        }
    }
}
