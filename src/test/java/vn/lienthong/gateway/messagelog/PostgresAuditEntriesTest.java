package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import vn.lienthong.gateway.PostgresAvailable;
import vn.lienthong.gateway.PostgresSchema;

/** The auditors' query of the log on PostgreSQL: every filter at once, none at all, and the agency join. */
@ExtendWith(PostgresAvailable.class)
class PostgresAuditEntriesTest {

    static final Instant NOW = Instant.parse("2024-01-01T01:00:00Z");
    static PostgresSchema schema;
    static DataSource postgres;

    @BeforeAll
    static void migrate() {
        schema = PostgresSchema.migrated("lienthong_audit_");
        postgres = schema.dataSource();
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void filtersWithEveryCriterionOrNone() {
        JdbcTemplate jdbc = new JdbcTemplate(postgres);
        MessageStore store = new MessageStore(jdbc, new DataSourceTransactionManager(postgres),
                Clock.fixed(NOW, ZoneOffset.UTC));
        AuditEntries entries = new AuditEntries(jdbc, store);
        String id = UUID.randomUUID().toString();
        store.insertReceived(new NewMessage(id, "DOSSIER", Direction.OUTBOUND, Channel.REST, "000.00.17.H56-240101-0001", null, "000.00.17.H56", "DVCQG",
                "sandbox-agency", "10.0.0.1", "{}".getBytes(StandardCharsets.UTF_8)));
        store.markQueued(id);
        store.recordRejection(new Rejection(Channel.REST, "sandbox-agency", "10.0.0.1", "DOSSIER_INVALID", "bad", null));

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
