package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import vn.lienthong.gateway.PostgresAvailable;

/** The auditors' query of the log on PostgreSQL: every filter at once, none at all, and the agency join. */
@ExtendWith(PostgresAvailable.class)
class PostgresAuditEntriesTest {

    static final String SCHEMA = "lienthong_audit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    static final Instant NOW = Instant.parse("2024-01-01T01:00:00Z");
    static SingleConnectionDataSource postgres;

    @BeforeAll
    static void migrate() throws SQLException {
        postgres = new SingleConnectionDataSource(PostgresAvailable.connect(), true);
        Flyway.configure().dataSource(postgres).schemas(SCHEMA).createSchemas(true)
                .locations("classpath:db/migration").load().migrate();
        try (Statement s = postgres.getConnection().createStatement()) {
            s.execute("SET search_path TO " + SCHEMA);
        }
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (postgres != null) {
            try (Connection c = postgres.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
            }
            postgres.destroy();
        }
    }

    @Test
    void filtersWithEveryCriterionOrNone() {
        JdbcTemplate jdbc = new JdbcTemplate(postgres);
        MessageStore store = new MessageStore(jdbc, new DataSourceTransactionManager(postgres),
                Clock.fixed(NOW, ZoneOffset.UTC));
        AuditEntries entries = new AuditEntries(jdbc, store);
        String id = UUID.randomUUID().toString();
        store.insertReceived(new NewMessage(id, "DOSSIER", "000.00.17.H56-240101-0001", "000.00.17.H56", "DVCQG",
                "sandbox-agency", "10.0.0.1", "{}".getBytes(StandardCharsets.UTF_8)));
        store.markQueued(id);
        store.recordRejection(new Rejection("sandbox-agency", "10.0.0.1", "DOSSIER_INVALID", "bad", null));

        assertThat(entries.find(AuditEntryCriteria.of(Map.of()))).extracting(AuditEntries.AuditEntry::event)
                .containsExactly(EventType.RECEIVED, EventType.QUEUED, EventType.REJECTED);
        assertThat(entries.find(AuditEntryCriteria.of(Map.of("dossierCode", "000.00.17.H56-240101-0001",
                "agency", "000.00.17.H56", "client", "sandbox-agency", "event", "QUEUED",
                "from", "2024-01-01T01:00:00Z", "to", "2024-01-01T01:00:01Z", "limit", "5", "offset", "0"))))
                .singleElement().satisfies(e -> {
                    assertThat(e.messageId()).isEqualTo(id);
                    assertThat(e.agencyCode()).isEqualTo("000.00.17.H56");
                    assertThat(e.time()).isEqualTo(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
                    assertThat(e.logIndex()).isNull();
                });
        assertThat(entries.find(AuditEntryCriteria.of(Map.of("event", "REJECTED")))).singleElement()
                .satisfies(e -> assertThat(e.agencyCode()).isNull());
        assertThat(entries.find(AuditEntryCriteria.of(Map.of("agency", "000.00.17.H56", "offset", "1"))))
                .extracting(AuditEntries.AuditEntry::event).containsExactly(EventType.QUEUED);
        assertThat(entries.find(AuditEntryCriteria.of(Map.of("to", "2024-01-01T01:00:00Z")))).isEmpty();
    }
}
