package vn.lienthong.gateway.messagelog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.TestClock;
import vn.lienthong.gateway.signature.CmsSigner;
import vn.lienthong.gateway.signature.SigningIdentity;

/**
 * A sealed message log in a fresh database for export tests: messages with payloads, refused requests (whose bodies
 * are not kept) and administrators' actions, one second apart, checkpointed every few entries; writes exports of it
 * and runs the offline verifier on files.
 */
final class ExportFixture {

    static final SigningIdentity GATEWAY = SigningIdentity.fromPkcs12(Path.of("certs-sample/gateway-signing.p12"),
            "sandbox".toCharArray(), null);
    static final String TRUST = "certs-sample/trust-anchors.pem";
    static final Instant START = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    final TestClock clock = new TestClock(START);
    final JdbcTemplate jdbc;
    final MessageStore store;
    final DataSourceTransactionManager transactions;
    final MessageLogSealer sealer;

    ExportFixture(DataSource db) {
        jdbc = new JdbcTemplate(db);
        transactions = new DataSourceTransactionManager(db);
        store = new MessageStore(jdbc, transactions, clock);
        sealer = new MessageLogSealer(jdbc, transactions, clock, "gateway-1", 1000, Duration.ofSeconds(10), 4,
                Duration.ofHours(1), new CmsSigner(GATEWAY));
    }

    /** Records {@code messages} messages (RECEIVED and QUEUED each), a rejection every third, sealing as it goes. */
    ExportFixture log(int messages) {
        for (int i = 0; i < messages; i++) {
            String id = UUID.randomUUID().toString();
            clock.advance(Duration.ofSeconds(1));
            store.insertReceived(new NewMessage(id, "DOSSIER", Direction.OUTBOUND, Channel.REST,
                    String.format("000.00.17.H56-240101-%04d", i), null, "000.00.17.H56", "DVCQG", "sandbox-agency",
                    "127.0.0.1", ("{\"hồSơ\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
            clock.advance(Duration.ofSeconds(1));
            store.markQueued(id);
            if (i % 3 == 2) {
                clock.advance(Duration.ofSeconds(1));
                store.recordRejection(new Rejection(Channel.REST, "sandbox-agency", "127.0.0.1", "DOSSIER_INVALID",
                        "không hợp lệ", Sha256.hex(("bad " + i).getBytes(StandardCharsets.UTF_8))));
            }
            sealer.seal();
        }
        return this;
    }

    /** Seals what is left and signs a checkpoint of it. */
    ExportFixture checkpointAll() {
        clock.advance(Duration.ofHours(2));
        sealer.seal();
        return this;
    }

    long size() {
        return sealer.size();
    }

    /** The time of the entry at an index. */
    Instant timeOf(long index) {
        return jdbc.queryForObject("SELECT e.occurred_at FROM message_event e JOIN log_leaf l ON l.seq = e.seq WHERE l.log_index = ?",
                java.time.OffsetDateTime.class, index).toInstant();
    }

    /** Writes the export of [from, to) to a file and answers its manifest. */
    ExportManifest export(Instant from, Instant to, Path file) throws IOException {
        ExportRange range = new ExportRanges(jdbc, "gateway-1").between(from, to);
        try (OutputStream out = Files.newOutputStream(file)) {
            return new AuditExportWriter(jdbc, transactions, GATEWAY, new PayloadCodec(10_000_000), clock).write(range, out);
        }
    }

    /** Runs {@code verify FILE --trust …} and answers the exit code and what it printed. */
    static Verdict verify(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = OfflineVerifier.run(new String[] {file.toString(), "--trust", TRUST},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Verdict(code, out.toString(StandardCharsets.UTF_8).trim(), err.toString(StandardCharsets.UTF_8).trim());
    }

    /** What the verifier answered. */
    record Verdict(int code, String output, String errors) {
    }

    /** The files of an archive, in order. */
    static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(file.entries())) {
                try (InputStream in = file.getInputStream(entry)) {
                    files.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return files;
    }

    /** A copy of an archive with its files changed by {@code change}. */
    static Path rewrite(Path zip, Path copy, Consumer<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> files = read(zip);
        change.accept(files);
        write(copy, new ArrayList<>(files.entrySet()));
        return copy;
    }

    static void write(Path zip, List<Map.Entry<String, byte[]>> files) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> file : files) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
    }

    /** The lines of entries.jsonl. */
    static List<String> lines(Map<String, byte[]> files) {
        return new ArrayList<>(List.of(new String(files.get(ExportLayout.ENTRIES), StandardCharsets.UTF_8).split("\n")));
    }

    static byte[] joined(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
