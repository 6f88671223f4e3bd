package vn.lienthong.gateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.flywaydb.core.Flyway;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import vn.lienthong.gateway.messagelog.LogVerification;
import vn.lienthong.gateway.messagelog.MessageLogSealer;
import vn.lienthong.gateway.messagelog.MessageLogVerifier;
import vn.lienthong.gateway.signature.CmsSigner;
import vn.lienthong.gateway.signature.SigningIdentity;

/**
 * Prints the message log's figures on a fresh H2 store, pooled as the gateway pools it: events sealed per second,
 * entries verified per second, and the latency of a query by dossier code, at the given number of entries. Run by {@code bench/message-log-figures.sh}.
 */
public final class MessageLogBench {

    private MessageLogBench() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("lienthong-log-bench");
        HikariDataSource h2 = new HikariDataSource();
        h2.setJdbcUrl("jdbc:h2:file:" + dir.resolve("store/lienthong") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        h2.setUsername("sa");
        h2.setMaximumPoolSize(4);
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(h2);

        long t0 = System.nanoTime();
        List<Object[]> batch = new ArrayList<>();
        OffsetDateTime time = OffsetDateTime.now(ZoneOffset.UTC);
        int dossiers = Math.max(1, entries / 3);
        for (int i = 1; i <= entries; i++) {
            batch.add(new Object[] {(long) i, time, "RECEIVED", "000.00.17.H56-240101-" + (i % dossiers),
                    "sandbox-agency", "127.0.0.1", "DVCQG"});
            if (batch.size() == 10_000 || i == entries) {
                jdbc.batchUpdate("INSERT INTO message_event (seq, occurred_at, event, dossier_code, client_id, "
                        + "remote_address, destination) VALUES (?, ?, ?, ?, ?, ?, ?)", batch);
                batch.clear();
            }
        }
        System.out.printf("inserted %,d events in %.1f s (setup, not a figure)%n", entries, seconds(t0));
        jdbc.execute("CREATE INDEX IF NOT EXISTS bench_dossier_idx ON message_event (dossier_code, seq)");

        SigningIdentity gateway = SigningIdentity.fromPkcs12(Path.of("certs-sample/gateway-signing.p12"),
                "sandbox".toCharArray(), null);
        MessageLogSealer sealer = new MessageLogSealer(jdbc, new DataSourceTransactionManager(h2), Clock.systemUTC(),
                "bench", 5000, Duration.ofSeconds(10), 100_000, Duration.ofMinutes(10), new CmsSigner(gateway));
        long t1 = System.nanoTime();
        int sealed = sealer.seal();
        double sealSeconds = seconds(t1);
        System.out.printf("sealed %,d entries in %.1f s: %,.0f entries/s (with a signed checkpoint every 100,000)%n",
                sealed, sealSeconds, sealed / sealSeconds);

        long t2 = System.nanoTime();
        LogVerification verdict = new MessageLogVerifier(jdbc, gateway.certificate()).verify();
        double verifySeconds = seconds(t2);
        System.out.printf("verified %,d entries (%s) in %.1f s: %,.0f entries/s%n", verdict.entries(),
                verdict.valid() ? "valid" : verdict.problem(), verifySeconds, verdict.entries() / verifySeconds);

        long[] latencies = new long[1000];
        for (int q = 0; q < latencies.length; q++) {
            String code = "000.00.17.H56-240101-" + ThreadLocalRandom.current().nextInt(dossiers);
            long s = System.nanoTime();
            jdbc.queryForList("SELECT seq, event, log_index FROM message_event WHERE dossier_code = ? ORDER BY seq", code);
            latencies[q] = System.nanoTime() - s;
        }
        Arrays.sort(latencies);
        System.out.printf("query by dossier code at %,d entries: p50 %.2f ms, p99 %.2f ms%n", entries,
                latencies[500] / 1e6, latencies[990] / 1e6);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
