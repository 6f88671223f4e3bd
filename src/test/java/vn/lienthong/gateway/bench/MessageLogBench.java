package vn.lienthong.gateway.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import vn.lienthong.gateway.PostgresAvailable;
import vn.lienthong.gateway.messagelog.BenchEvidence;
import vn.lienthong.gateway.messagelog.LogVerification;
import vn.lienthong.gateway.messagelog.MessageLogSealer;
import vn.lienthong.gateway.messagelog.MessageLogVerifier;
import vn.lienthong.gateway.signature.CmsSigner;
import vn.lienthong.gateway.signature.SigningIdentity;

/**
 * Prints the message log's figures on a fresh store of each database named, pooled as the gateway pools it, with the
 * gateway's default sealing settings (batches of 5,000, checkpoints due every 1,000 entries; one call to the sealer
 * seals the whole backlog, then signs one): entries sealed per second, the sealer's start-up (resume) time, entries verified per second by the live verification, and the latency
 * of a query by dossier code and of the evidence of one dossier. Run by {@code bench/message-log-figures.sh}.
 */
public final class MessageLogBench {

    private static final int QUERIES = 1000;
    private static final SigningIdentity GATEWAY = SigningIdentity.fromPkcs12(Path.of("certs-sample/gateway-signing.p12"),
            "sandbox".toCharArray(), null);

    private MessageLogBench() {
    }

    /** Arguments: the number of entries (default 1,000,000), then the databases (default: h2 postgres). */
    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<String> databases = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of("h2", "postgres");
        Map<String, Map<String, String>> figures = new LinkedHashMap<>();
        for (String database : databases) {
            try (Store store = Store.open(database)) {
                figures.put(database, run(store, entries));
            }
        }
        System.out.printf("%nmessage log at %,d entries%n", entries);
        figures.forEach((database, row) -> row.forEach((name, value) ->
                System.out.printf("  %-10s %-34s %s%n", database, name, value)));
    }

    private static Map<String, String> run(Store store, int entries) {
        JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(store.dataSource());
        int dossiers = Math.max(1, entries / 3);
        long t0 = System.nanoTime();
        insertEvents(jdbc, entries, dossiers);
        System.out.printf("%s: inserted %,d events in %.1f s (setup, not a figure)%n", store.name(), entries, seconds(t0));

        Map<String, String> row = new LinkedHashMap<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu1 = threads.getCurrentThreadCpuTime();
        long t1 = System.nanoTime();
        int sealed = sealer(jdbc, transactions).seal();
        double sealSeconds = seconds(t1);
        double sealCpuSeconds = (threads.getCurrentThreadCpuTime() - cpu1) / 1e9;
        row.put("sealed entries/s", String.format("%,.0f (%,d in %.1f s; the sealing thread used %.1f s of CPU: "
                + "%,.0f entries per CPU-second; load average %.1f)", sealed / sealSeconds, sealed, sealSeconds,
                sealCpuSeconds, sealed / sealCpuSeconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));

        long t2 = System.nanoTime();
        long resumedSize = sealer(jdbc, transactions).size();
        row.put("sealer start-up (resume) ms", String.format("%.1f (at size %,d)", (System.nanoTime() - t2) / 1e6, resumedSize));

        long t3 = System.nanoTime();
        LogVerification verdict = new MessageLogVerifier(jdbc, GATEWAY.certificate()).verify();
        double verifySeconds = seconds(t3);
        row.put("live verify entries/s", String.format("%,.0f (%s, %d checkpoints, %.1f s)", verdict.entries() / verifySeconds,
                verdict.valid() ? "valid" : verdict.problem(), verdict.checkpoints(), verifySeconds));

        Random random = new Random(42);
        row.put("query by dossier code ms", percentiles(code -> jdbc.queryForList("""
                SELECT e.seq, e.event, l.log_index FROM message_event e LEFT JOIN log_leaf l ON l.seq = e.seq
                WHERE e.dossier_code = ? ORDER BY e.seq""", code), random, dossiers));
        Function<String, ObjectNode> evidence = BenchEvidence.over(jdbc, transactions, GATEWAY);
        row.put("evidence of one dossier ms", percentiles(evidence, random, dossiers));
        System.out.printf("%s: %s%n", store.name(), row);
        return row;
    }

    private static MessageLogSealer sealer(JdbcTemplate jdbc, DataSourceTransactionManager transactions) {
        return new MessageLogSealer(jdbc, transactions, Clock.systemUTC(), "bench", 5000, Duration.ofSeconds(10), 1000,
                Duration.ofMinutes(1), new CmsSigner(GATEWAY));
    }

    /** Three events per dossier (received, queued, delivered) with the fields the gateway fills in. */
    private static void insertEvents(JdbcTemplate jdbc, int entries, int dossiers) {
        OffsetDateTime time = OffsetDateTime.now(ZoneOffset.UTC);
        String[] events = {"RECEIVED", "QUEUED", "DELIVERED"};
        List<Object[]> batch = new ArrayList<>();
        String messageId = null;
        for (int i = 0; i < entries; i++) {
            if (i % 3 == 0) {
                messageId = UUID.randomUUID().toString();
            }
            String payload = i % 3 == 0 ? HexFormat.of().formatHex(new byte[32]) : null;
            batch.add(new Object[] {(long) i + 1, time.plusNanos(i * 1000L), events[i % 3], "OUTBOUND", "REST", messageId,
                    dossierCode(i / 3 % dossiers), "sandbox-agency", "127.0.0.1", "DVCQG", payload});
            if (batch.size() == 10_000 || i == entries - 1) {
                jdbc.batchUpdate("""
                        INSERT INTO message_event (seq, occurred_at, event, direction, channel, message_id, dossier_code,
                                                   client_id, remote_address, destination, payload_sha256)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
                batch.clear();
            }
        }
    }

    private static String dossierCode(int n) {
        return String.format("000.00.17.H56-240101-%07d", n);
    }

    private static String percentiles(Function<String, ?> call, Random random, int dossiers) {
        for (int i = 0; i < QUERIES / 10; i++) {
            call.apply(dossierCode(random.nextInt(dossiers)));
        }
        long[] latencies = new long[QUERIES];
        for (int q = 0; q < latencies.length; q++) {
            String code = dossierCode(random.nextInt(dossiers));
            long s = System.nanoTime();
            call.apply(code);
            latencies[q] = System.nanoTime() - s;
        }
        Arrays.sort(latencies);
        return String.format("p50 %.2f, p99 %.2f (%d calls after %d to warm up)", latencies[QUERIES / 2] / 1e6,
                latencies[QUERIES * 99 / 100] / 1e6, QUERIES, QUERIES / 10);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** A fresh, migrated store: an H2 file in a temporary folder, or a schema of its own on the test PostgreSQL. */
    private record Store(String name, HikariDataSource dataSource, Runnable cleanUp) implements AutoCloseable {

        static Store open(String database) throws Exception {
            HikariDataSource pool = new HikariDataSource();
            pool.setMaximumPoolSize(4);
            Runnable cleanUp = () -> { };
            switch (database) {
                case "h2" -> {
                    Path dir = Files.createTempDirectory("lienthong-log-bench");
                    pool.setJdbcUrl("jdbc:h2:file:" + dir.resolve("store/lienthong") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
                    pool.setUsername("sa");
                }
                case "postgres", "postgres-plain" -> {
                    String schema = "lienthong_bench_" + Long.toHexString(System.nanoTime());
                    String rewrite = database.equals("postgres") ? "&reWriteBatchedInserts=true" : "";
                    pool.setJdbcUrl(PostgresAvailable.URL + "?currentSchema=" + schema + rewrite);
                    pool.setUsername(PostgresAvailable.USER);
                    pool.setPassword(PostgresAvailable.PASSWORD);
                    Flyway.configure().dataSource(pool).schemas(schema).createSchemas(true).locations("classpath:db/migration")
                            .load().migrate();
                    cleanUp = () -> new JdbcTemplate(pool).execute("DROP SCHEMA " + schema + " CASCADE");
                }
                default -> throw new IllegalArgumentException("unknown database " + database + ": h2, postgres "
                        + "(with reWriteBatchedInserts) or postgres-plain");
            }
            if (database.equals("h2")) {
                Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            }
            return new Store(database, pool, cleanUp);
        }

        @Override
        public void close() {
            cleanUp.run();
            dataSource.close();
        }
    }
}
