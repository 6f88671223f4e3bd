package vn.lienthong.gateway.messagelog;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.gateway.messagelog.ExportManifest.ExportFile;
import vn.lienthong.gateway.signature.CmsSigner;
import vn.lienthong.gateway.signature.SigningIdentity;

/**
 * Writes the {@value ExportLayout#FORMAT} archive of an index range of the message log as a ZIP on an output stream,
 * reading the store row by row so that no part of the log is held in memory: the canonical entries, their stored
 * leaf hashes, the payloads they refer to, the signed checkpoints within the range, the gateway's certificate chain,
 * and a manifest signed with the gateway key.
 */
public class AuditExportWriter {

    private static final int FETCH_SIZE = 2000;
    private static final byte[] NEWLINE = {'\n'};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final CmsSigner signer;
    private final List<X509Certificate> chain;
    private final Clock clock;
    private final PayloadCodec payloads;

    public AuditExportWriter(JdbcTemplate jdbc, PlatformTransactionManager transactions, SigningIdentity gateway,
                             PayloadCodec payloads, Clock clock) {
        this.payloads = payloads;
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.signer = new CmsSigner(gateway);
        this.chain = gateway.chain();
        this.clock = clock;
    }

    /** Writes the archive of the range to {@code out} (left open) and answers its manifest. */
    public ExportManifest write(ExportRange range, OutputStream out) {
        return readOnly.execute(status -> {
            try {
                return writeArchive(range, out);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the export archive", e);
            }
        });
    }

    private ExportManifest writeArchive(ExportRange range, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        });
        zip.setLevel(Deflater.BEST_SPEED);
        List<ExportFile> files = new ArrayList<>();
        long[] inRange = {0};
        files.add(writeFile(zip, ExportLayout.ENTRIES, file -> jdbc.query("SELECT " + MessageLogRows.columnsOf("e")
                + ", l.node_id, l.log_index FROM log_leaf l JOIN message_event e ON e.seq = l.seq"
                + " WHERE l.log_index >= ? AND l.log_index < ? ORDER BY l.log_index",
                rs -> {
                    LogEntry entry = MessageLogRows.entry(rs, rs.getString("node_id"), rs.getLong("log_index"));
                    if (range.inRequestedRange(entry.time())) {
                        inRange[0]++;
                    }
                    file.write(entry.canonicalBytes());
                    file.write(NEWLINE);
                }, range.firstIndex(), range.endIndex())));
        files.add(writeFile(zip, ExportLayout.LEAVES, file -> jdbc.query("SELECT leaf_hash FROM log_leaf "
                + "WHERE log_index >= ? AND log_index < ? ORDER BY log_index",
                (RowCallbackHandler) rs -> file.write(HexFormat.of().parseHex(rs.getString(1))), range.firstIndex(),
                range.endIndex())));
        Payloads payloads = writePayloads(zip, range);
        long[] absent = {0};
        files.add(writeFile(zip, ExportLayout.PAYLOADS_ABSENT, file -> jdbc.query("""
                SELECT l.log_index, e.payload_sha256, e.event FROM log_leaf l JOIN message_event e ON e.seq = l.seq
                LEFT JOIN message m ON m.message_id = e.message_id AND m.payload_sha256 = e.payload_sha256
                                       AND m.payload_encoding <> 'purged'
                LEFT JOIN configuration_snapshot c ON c.sha256 = e.payload_sha256 AND e.event = 'CONFIGURATION_LOADED'
                WHERE l.log_index >= ? AND l.log_index < ? AND e.payload_sha256 IS NOT NULL AND m.message_id IS NULL
                  AND c.sha256 IS NULL
                ORDER BY l.log_index""", rs -> {
            absent[0]++;
            String reason = EventType.REJECTED.name().equals(rs.getString(3)) ? "NOT_KEPT" : "NOT_IN_STORE";
            file.write(("{\"index\":" + rs.getLong(1) + ",\"payloadSha256\":\"" + rs.getString(2).trim()
                    + "\",\"reason\":\"" + reason + "\"}\n").getBytes(StandardCharsets.US_ASCII));
        }, range.firstIndex(), range.endIndex())));
        jdbc.query("SELECT tree_size, tree_head, signature, timestamp_token FROM log_checkpoint WHERE node_id = ? "
                + "AND tree_size >= ? AND tree_size <= ? ORDER BY tree_size", rs -> {
            long size = rs.getLong(1);
            byte[] head = rs.getString(2).getBytes(StandardCharsets.US_ASCII);
            byte[] signature = rs.getBytes(3);
            byte[] timestamp = rs.getBytes(4);
            files.add(writeFile(zip, ExportLayout.checkpointHead(size), file -> file.write(head)));
            files.add(writeFile(zip, ExportLayout.checkpointSignature(size), file -> file.write(signature)));
            if (timestamp != null) {
                files.add(writeFile(zip, ExportLayout.checkpointTimestamp(size), file -> file.write(timestamp)));
            }
        }, range.nodeId(), range.firstIndex(), range.endIndex());
        for (int i = 0; i < chain.size(); i++) {
            byte[] der = encoded(chain.get(i));
            files.add(writeFile(zip, ExportLayout.certificate(i), file -> file.write(der)));
        }
        ExportManifest manifest = new ExportManifest(range.nodeId(), clock.instant(), range.from(), range.to(),
                range.firstIndex(), range.endIndex(), range.frontier(), inRange[0], range.notYetCheckpointed(),
                range.notYetSealed(), payloads.count(), absent[0], payloads.largest(), files);
        byte[] manifestJson = manifest.toJson();
        writeFile(zip, ExportLayout.MANIFEST, file -> file.write(manifestJson));
        writeFile(zip, ExportLayout.MANIFEST_SIGNATURE, file -> file.write(signer.signDetached(manifestJson)));
        zip.finish();
        zip.flush();
        return manifest;
    }

    /**
     * The payload of every message an entry of the range refers to by its SHA-256, and the configuration snapshot of
     * every CONFIGURATION_LOADED entry, each once, named by its hash (the names written are remembered, as the
     * archive's own directory remembers them).
     */
    private Payloads writePayloads(ZipOutputStream zip, ExportRange range) {
        long[] largest = {0};
        Set<String> written = new HashSet<>();
        jdbc.query("""
                SELECT m.message_id, m.payload_sha256, m.payload, m.payload_encoding FROM log_leaf l
                JOIN message_event e ON e.seq = l.seq
                JOIN message m ON m.message_id = e.message_id AND m.payload_sha256 = e.payload_sha256
                               AND m.payload_encoding <> 'purged'
                WHERE l.log_index >= ? AND l.log_index < ?
                ORDER BY l.log_index""", (RowCallbackHandler) rs -> {
            String sha256 = rs.getString(2).trim();
            if (written.add(sha256)) {
                byte[] payload = payloads.decode(rs.getString(1), rs.getString(4), rs.getBytes(3));
                writeFile(zip, ExportLayout.payload(sha256), file -> file.write(payload));
                largest[0] = Math.max(largest[0], payload.length);
            }
        }, range.firstIndex(), range.endIndex());
        jdbc.query("""
                SELECT c.sha256, c.snapshot FROM log_leaf l JOIN message_event e ON e.seq = l.seq
                JOIN configuration_snapshot c ON c.sha256 = e.payload_sha256
                WHERE l.log_index >= ? AND l.log_index < ? AND e.event = 'CONFIGURATION_LOADED'
                ORDER BY l.log_index""", (RowCallbackHandler) rs -> {
            String sha256 = rs.getString(1).trim();
            if (written.add(sha256)) {
                byte[] snapshot = rs.getString(2).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                writeFile(zip, ExportLayout.payload(sha256), file -> file.write(snapshot));
                largest[0] = Math.max(largest[0], snapshot.length);
            }
        }, range.firstIndex(), range.endIndex());
        return new Payloads(written.size(), largest[0]);
    }

    private static ExportFile writeFile(ZipOutputStream zip, String name, FileContent content) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            HashingStream file = new HashingStream(zip);
            content.writeTo(file);
            zip.closeEntry();
            return new ExportFile(name, HexFormat.of().formatHex(file.digest.digest()), file.bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + name + " into the export archive", e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Cannot encode the gateway certificate", e);
        }
    }

    /** What a file of the archive holds, written to a stream. */
    @FunctionalInterface
    private interface FileContent {
        void writeTo(HashingStream file);
    }

    private record Payloads(long count, long largest) {
    }

    /** Passes bytes on to the archive while counting them and hashing them with SHA-256. */
    private static final class HashingStream {

        private final OutputStream target;
        private final MessageDigest digest;
        private long bytes;

        HashingStream(OutputStream target) {
            this.target = target;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }

        void write(byte[] b) {
            try {
                target.write(b, 0, b.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            digest.update(b);
            bytes += b.length;
        }
    }
}
