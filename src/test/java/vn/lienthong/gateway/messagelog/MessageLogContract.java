package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import vn.lienthong.gateway.TestClock;
import vn.lienthong.gateway.signature.CmsSigner;
import vn.lienthong.gateway.signature.SigningIdentity;

/**
 * The message log seals events in order, signs checkpoints, and its verification names the first entry that was
 * altered, deleted, swapped or cut off, on every database it supports; each database runs it through a subclass.
 */
abstract class MessageLogContract {

    static final SigningIdentity GATEWAY = SigningIdentity.fromPkcs12(Path.of("certs-sample/gateway-signing.p12"),
            "sandbox".toCharArray(), null);

    /** The sequence number of the event sealed at the index given as the parameter. */
    static final String SEQ_AT = "(SELECT seq FROM log_leaf WHERE log_index = ?)";

    final TestClock clock = new TestClock(Instant.parse("2024-01-01T01:00:00Z"));
    JdbcTemplate jdbc;
    MessageStore store;
    DataSourceTransactionManager transactions;

    /** A database migrated by Flyway and used by this test only. */
    abstract DataSource freshDatabase();

    @BeforeEach
    void open() {
        DataSource db = freshDatabase();
        jdbc = new JdbcTemplate(db);
        transactions = new DataSourceTransactionManager(db);
        store = new MessageStore(jdbc, transactions, clock);
    }

    @Test
    void sealsEveryEventAndAnUntouchedLogVerifies() {
        int events = recordMessages(10);

        assertThat(sealer(4).seal()).isEqualTo(events);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_event e WHERE NOT EXISTS "
                + "(SELECT 1 FROM log_leaf l WHERE l.seq = e.seq)", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM log_checkpoint", Long.class)).isGreaterThanOrEqualTo(1);
        assertThat(verifier().verify()).isEqualTo(new LogVerification(true, events,
                jdbc.queryForObject("SELECT COUNT(*) FROM log_checkpoint", Integer.class), null, null));
    }

    @Test
    void continuesTheTreeAcrossSealersAndCheckpoints() {
        recordMessages(3);
        sealer(1000).seal();
        recordMessages(3);
        clock.advance(Duration.ofMinutes(2));

        MessageLogSealer restarted = sealer(1000);
        restarted.seal();

        assertThat(restarted.size()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM message_event", Long.class));
        assertThat(jdbc.queryForList("SELECT tree_size FROM log_checkpoint ORDER BY tree_size", Long.class)).hasSize(2);
        assertThat(verifier().verify().valid()).isTrue();
    }

    @Test
    void waitsForAGapInTheSequenceThenSealsPastItAndSealsALateEventAtTheEnd() {
        event(1);
        event(2);
        event(5);
        MessageLogSealer sealer = sealer(1000);

        assertThat(sealer.seal()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(11));
        assertThat(sealer.seal()).isEqualTo(1);
        event(3);
        assertThat(sealer.seal()).isEqualTo(1);

        assertThat(jdbc.queryForList("SELECT seq FROM log_leaf ORDER BY log_index", Long.class))
                .containsExactly(1L, 2L, 5L, 3L);
        assertThat(verifier().verify().valid()).isTrue();
    }

    @Test
    void namesAnEntryWithOneByteChanged() {
        sealedLog();

        jdbc.update("UPDATE message_event SET client_id = 'sandbox-agencY' WHERE seq = " + SEQ_AT, 7);

        LogVerification result = verifier().verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.badIndex()).isEqualTo(7);
        assertThat(result.problem()).contains("entry 7").contains("altered");
    }

    @Test
    void namesADeletedEntry() {
        sealedLog();

        deleteEntries("= 4");

        LogVerification result = verifier().verify();
        assertThat(result.badIndex()).isEqualTo(4);
        assertThat(result.problem()).contains("entry 4 is missing");
    }

    @Test
    void namesSwappedEntries() {
        sealedLog();

        jdbc.update("UPDATE log_leaf SET log_index = -1 WHERE log_index = 2");
        jdbc.update("UPDATE log_leaf SET log_index = 2 WHERE log_index = 5");
        jdbc.update("UPDATE log_leaf SET log_index = 5 WHERE log_index = -1");

        LogVerification result = verifier().verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.badIndex()).isEqualTo(2);
    }

    @Test
    void namesATruncatedTail() {
        long size = sealedLog();

        deleteEntries(">= " + (size - 3));

        LogVerification result = verifier().verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.badIndex()).isEqualTo(size - 3);
        assertThat(result.problem()).contains("truncated");
    }

    @Test
    void catchesAnEntryRewrittenWithItsLeafHashByTheSignedCheckpoint() {
        sealedLog();
        jdbc.update("UPDATE message_event SET reason_code = 'FORGED' WHERE seq = " + SEQ_AT, 3);
        jdbc.query("SELECT " + MessageLogRows.columnsOf("e") + ", l.node_id FROM message_event e "
                + "JOIN log_leaf l ON l.seq = e.seq WHERE l.log_index = 3", rs -> {
            LogEntry forged = MessageLogRows.entry(rs, rs.getString("node_id"), 3);
            jdbc.update("UPDATE log_leaf SET leaf_hash = ? WHERE log_index = 3", java.util.HexFormat.of()
                    .formatHex(vn.lienthong.gateway.messagelog.merkle.MerkleHash.leaf(forged.canonicalBytes())));
        });

        LogVerification result = verifier().verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.problem()).contains("no longer give the root signed");
    }

    @Test
    void refusesACheckpointWhoseSignatureWasEdited() {
        sealedLog();

        byte[] signature = jdbc.queryForObject("SELECT signature FROM log_checkpoint ORDER BY tree_size FETCH FIRST 1 ROWS ONLY",
                byte[].class);
        signature[signature.length - 5] ^= 1;
        jdbc.update("UPDATE log_checkpoint SET signature = ? WHERE tree_size = (SELECT MIN(tree_size) FROM log_checkpoint)",
                signature);

        assertThat(verifier().verify().problem()).contains("not signed by the gateway key");
    }

    @Test
    void refusesToSealOnTopOfALogWithAHole() {
        sealedLog();
        deleteEntries("= 1");
        recordMessages(1);

        assertThatThrownBy(() -> sealer(1000).seal()).hasMessageContaining("altered");
    }

    /** Records messages through the store and seals them with a checkpoint every 5 entries; answers the size. */
    private long sealedLog() {
        recordMessages(6);
        MessageLogSealer sealer = sealer(5);
        sealer.seal();
        clock.advance(Duration.ofMinutes(2));
        sealer.seal();
        assertThat(verifier().verify().valid()).isTrue();
        return sealer.size();
    }

    /** Deletes the sealed entries whose index satisfies the condition: their events and their leaves. */
    private void deleteEntries(String indexCondition) {
        jdbc.update("DELETE FROM message_event WHERE seq IN (SELECT seq FROM log_leaf WHERE log_index " + indexCondition + ")");
        jdbc.update("DELETE FROM log_leaf WHERE log_index " + indexCondition);
    }

    private int recordMessages(int count) {
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            store.insertReceived(new NewMessage(id, "DOSSIER", Direction.OUTBOUND, Channel.REST, "000.00.17.H56-240101-" + String.format("%04d", i), null, "000.00.17.H56", "DVCQG", "sandbox-agency", "127.0.0.1",
                    "{\"tên\":\"Hồ\"}".getBytes(StandardCharsets.UTF_8)));
            store.markQueued(id);
        }
        return count * 2;
    }

    private void event(long seq) {
        jdbc.update("INSERT INTO message_event (seq, occurred_at, event, client_id, detail) VALUES (?, ?, ?, ?, ?)",
                seq, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), "ADMIN_ACTION", "sandbox-admin",
                "event " + seq);
    }

    private MessageLogSealer sealer(int checkpointEntries) {
        return new MessageLogSealer(jdbc, transactions, clock, "gateway-1", 1000, Duration.ofSeconds(10),
                checkpointEntries, Duration.ofSeconds(60), new CmsSigner(GATEWAY));
    }

    private MessageLogVerifier verifier() {
        return new MessageLogVerifier(jdbc, GATEWAY.certificate());
    }

}
