package vn.lienthong.gateway.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.messagelog.AuditExportWriter;
import vn.lienthong.gateway.messagelog.ExportManifest;
import vn.lienthong.gateway.messagelog.ExportRange;
import vn.lienthong.gateway.messagelog.ExportRanges;
import vn.lienthong.gateway.messagelog.LogEntry;
import vn.lienthong.gateway.messagelog.TreeHead;
import vn.lienthong.gateway.messagelog.merkle.CompactMerkleTree;
import vn.lienthong.gateway.messagelog.merkle.MerkleHash;
import vn.lienthong.gateway.messagelog.OfflineVerifier;
import vn.lienthong.gateway.messagelog.PayloadCodec;
import vn.lienthong.gateway.signature.CmsSigner;
import vn.lienthong.gateway.signature.SigningIdentity;

/**
 * Prints the figures of the signed export on a fresh H2 store: a log of N entries (every 4th a RECEIVED event whose
 * message has a payload of the given size, 1 KiB by default, none with 0) stored as the sealer stores it, with a checkpoint signed by the sample gateway key every
 * 1,000 entries (written directly: the sealer has its own bench), the time
 * to write its export archive, and the entries per second of the offline verifier ({@code verify FILE --trust …}) over
 * it, three runs. Run by {@code bench/export-figures.sh}.
 */
public final class ExportBench {

    private static final int CHECKPOINT_EVERY = 1000;

    private ExportBench() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int payloadBytes = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        Path dir = Files.createTempDirectory("lienthong-export-bench");
        HikariDataSource h2 = new HikariDataSource();
        h2.setJdbcUrl("jdbc:h2:file:" + dir.resolve("store/lienthong") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        h2.setUsername("sa");
        h2.setMaximumPoolSize(4);
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(h2);
        SigningIdentity gateway = SigningIdentity.fromPkcs12(Path.of("certs-sample/gateway-signing.p12"),
                "sandbox".toCharArray(), null);

        long t0 = System.nanoTime();
        OffsetDateTime time = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
        CmsSigner signer = new CmsSigner(gateway);
        CompactMerkleTree tree = new CompactMerkleTree();
        byte[] payload = new byte[Math.max(payloadBytes, 16)];
        List<Object[]> messages = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();
        List<Object[]> leaves = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            String dossier = "000.00.17.H56-240101-" + (i / 4);
            String messageId = null;
            String sha = null;
            if (i % 4 == 0 && payloadBytes > 0) {
                messageId = UUID.randomUUID().toString();
                byte[] body = payload.clone();
                Arrays.fill(body, (byte) ('a' + i % 26));
                byte[] number = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(number, 0, body, 0, number.length);
                sha = Sha256.hex(body);
                messages.add(new Object[] {messageId, "DOSSIER", dossier, "000.00.17.H56", "DVCQG", "QUEUED",
                        "sandbox-agency", sha, body, time, time});
            }
            OffsetDateTime at = time.plusNanos(i * 1_000_000L);
            LogEntry entry = new LogEntry("bench", i, i + 1L, at.toInstant(), i % 4 == 0 ? "RECEIVED" : "QUEUED",
                    "OUTBOUND", "REST", messageId, dossier, null, "sandbox-agency", "127.0.0.1", "DVCQG", null, null, sha);
            byte[] leaf = MerkleHash.leaf(entry.canonicalBytes());
            tree.append(leaf);
            events.add(new Object[] {i + 1L, at, entry.event(), "OUTBOUND", "REST", messageId, dossier, "sandbox-agency",
                    "127.0.0.1", "DVCQG", sha});
            leaves.add(new Object[] {(long) i, i + 1L, "bench", HexFormat.of().formatHex(leaf)});
            if (events.size() == CHECKPOINT_EVERY || i == entries - 1) {
                if (!messages.isEmpty()) {
                    jdbc.batchUpdate("INSERT INTO message (message_id, kind, dossier_code, agency_code, destination, "
                            + "state, client_id, payload_sha256, payload, accepted_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", messages);
                }
                jdbc.batchUpdate("INSERT INTO message_event (seq, occurred_at, event, direction, channel, message_id, "
                        + "dossier_code, client_id, remote_address, destination, payload_sha256) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events);
                jdbc.batchUpdate("INSERT INTO log_leaf (log_index, seq, node_id, leaf_hash) VALUES (?, ?, ?, ?)", leaves);
                TreeHead head = new TreeHead("bench", tree.size(), tree.root(), at.toInstant());
                jdbc.update("INSERT INTO log_checkpoint (node_id, tree_size, root, created_at, tree_head, signature) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", "bench", tree.size(), HexFormat.of().formatHex(head.root()), at,
                        head.toString(), signer.signDetached(head.canonicalBytes()));
                messages.clear();
                events.clear();
                leaves.clear();
            }
        }
        System.out.printf("stored a sealed log of %,d entries with a signed checkpoint every %,d in %.1f s "
                + "(setup, not a figure)%n", entries, CHECKPOINT_EVERY, seconds(t0));

        Path export = dir.resolve("export.zip");
        long t1 = System.nanoTime();
        ExportRange range = new ExportRanges(jdbc, "bench").between(null, null);
        ExportManifest manifest;
        try (OutputStream out = Files.newOutputStream(export)) {
            manifest = new AuditExportWriter(jdbc, transactions, gateway, new PayloadCodec(Long.MAX_VALUE),
                    Clock.systemUTC()).write(range, out);
        }
        double writeSeconds = seconds(t1);
        System.out.printf("export written: %,d entries, %,d payloads, %,d files listed, %,d MB, in %.1f s "
                        + "(%,.0f entries/s)%n", manifest.entries(), manifest.payloads(), manifest.files().size(),
                Files.size(export) / 1_000_000, writeSeconds, manifest.entries() / writeSeconds);

        for (int run = 1; run <= 3; run++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long cpu = processCpuNanos();
            long t2 = System.nanoTime();
            int code = OfflineVerifier.run(new String[] {export.toString(), "--trust", "certs-sample/trust-anchors.pem"},
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            double verifySeconds = seconds(t2);
            double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
            System.out.printf("offline verification, run %d: exit %d in %.2f s: %,.0f entries/s (%d cores; %.2f s of "
                            + "CPU used, load average %.1f)%n", run, code, verifySeconds, manifest.entries() / verifySeconds,
                    Runtime.getRuntime().availableProcessors(), cpuSeconds,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            if (run == 1) {
                System.out.print("  " + out.toString(StandardCharsets.UTF_8));
            }
        }
        h2.close();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
