package vn.lienthong.gateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.flywaydb.core.Flyway;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.lienthong.gateway.dossier.DossierStatsProbe;

/**
 * Prints the time of the provinces' figures ({@code GET /api/v1/stats}) over a year of generated dossiers in 200
 * agencies of one province (97% finished within two weeks, 65% online), on H2 and, when given a URL, on PostgreSQL: p50 and p99 of a province roll-up by
 * district over one month, of one commune over a month, and of the province over the whole year. Run by
 * {@code bench/stats-figures.sh}.
 */
public final class DossierStatsBench {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private DossierStatsBench() {
    }

    public static void main(String[] args) throws Exception {
        int dossiers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String databases = args.length > 1 ? args[1] : "h2,postgres";
        String postgres = args.length > 2 ? args[2] : null;
        Path dir = Files.createTempDirectory("lienthong-stats-bench");
        if (databases.contains("h2")) {
            run("H2", "jdbc:h2:file:" + dir.resolve("store/lienthong")
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=0", "sa", dossiers, null);
        }
        if (postgres != null && databases.contains("postgres")) {
            run("PostgreSQL", postgres, "postgres", dossiers, "lienthong_stats_bench");
        }
    }

    private static void run(String name, String url, String user, int dossiers, String schema) {
        if (schema != null) {
            try (HikariDataSource admin = new HikariDataSource()) {
                admin.setJdbcUrl(url);
                admin.setUsername(user);
                new JdbcTemplate(admin).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                new JdbcTemplate(admin).execute("CREATE SCHEMA " + schema);
            }
        }
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl(url);
            ds.setUsername(user);
            ds.setSchema(schema);
            ds.setMaximumPoolSize(2);
            Flyway.configure().dataSource(ds).schemas(schema == null ? new String[0] : new String[] {schema})
                    .locations("classpath:db/migration").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            long t0 = System.nanoTime();
            insert(jdbc, dossiers);
            jdbc.execute(schema == null ? "ANALYZE" : "ANALYZE dossier_state");
            System.out.printf("%s: %,d dossiers inserted in %.1f s (setup, not a figure)%n", name, dossiers,
                    (System.nanoTime() - t0) / 1e9);
            DossierStatsProbe stats = new DossierStatsProbe(jdbc);
            measure(name, "province by district, one month", stats,
                    Map.of("from", "2024-03-01T00:00:00+07:00", "to", "2024-04-01T00:00:00+07:00", "level", "DISTRICT"));
            measure(name, "one commune, one month", stats, Map.of("from", "2024-03-01T00:00:00+07:00",
                    "to", "2024-04-01T00:00:00+07:00", "level", "COMMUNE", "agency", "03.07.H56"));
            measure(name, "province, whole year", stats, Map.of("from", "2024-01-01T00:00:00+07:00",
                    "to", "2025-01-01T00:00:00+07:00", "level", "PROVINCE"));
            if (schema != null) {
                jdbc.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void measure(String name, String what, DossierStatsProbe stats, Map<String, String> query) {
        for (int i = 0; i < 3; i++) {
            stats.figures(query);
        }
        long[] ms = new long[30];
        Object total = null;
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            total = stats.figures(query);
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf("%s: %-34s p50 %,5d ms  p99 %,5d ms   (%s)%n", name, what, ms[ms.length / 2],
                ms[ms.length - 1], total);
    }

    private static void insert(JdbcTemplate jdbc, int dossiers) {
        Random random = new Random(42);
        OffsetDateTime yearStart = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(7));
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < dossiers; i++) {
            String agency = String.format("%03d.%02d.%02d.H56", 0, random.nextInt(20), random.nextInt(10));
            OffsetDateTime received = yearStart.plusMinutes(random.nextInt(365 * 24 * 60));
            OffsetDateTime due = received.plusDays(1 + random.nextInt(10));
            OffsetDateTime finished = random.nextInt(100) < 97 ? received.plusHours(random.nextInt(14 * 24)) : null;
            batch.add(new Object[] {String.format("%s-%06d-%04d", agency, i / 10000, i % 10000), agency,
                    finished == null ? "PROCESSING" : "DONE", random.nextInt(100) < 65, received, due, day(due),
                    finished, day(finished), "bench", received});
            if (batch.size() == 10_000 || i == dossiers - 1) {
                jdbc.batchUpdate("""
                        INSERT INTO dossier_state (dossier_code, agency_code, status, online, received_at, due_at,
                                                   due_day, finished_at, finished_day, last_message_id, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
                batch.clear();
            }
        }
    }

    private static LocalDate day(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(VIETNAM).toLocalDate();
    }
}
