package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import vn.lienthong.gateway.TestClock;
import vn.lienthong.gateway.messagelog.merkle.MerkleHash;
import vn.lienthong.gateway.messagelog.merkle.MerkleProofs;
import vn.lienthong.gateway.messagelog.merkle.MerkleTree;
import vn.lienthong.gateway.messagelog.merkle.SubtreeProofs;
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

    @Test
    void storedSubtreeProofsAreTheProofsOfTheWholeTree() {
        events(1, 300);
        sealer(1000).seal();

        MerkleTree whole = MerkleTree.ofLeafHashes(storedLeaves());
        StoredSubtrees stored = new StoredSubtrees(jdbc);
        for (long size : List.of(1L, 63L, 64L, 65L, 200L, 256L, 300L)) {
            for (long index = 0; index < size; index++) {
                assertThat(SubtreeProofs.inclusionProof(index, size, stored)).as("index %d of size %d", index, size)
                        .usingElementComparator(Arrays::compare).containsExactlyElementsOf(whole.inclusionProof(index, size));
            }
            assertThat(SubtreeProofs.root(size, stored)).isEqualTo(whole.root(size));
        }
        assertThat(jdbc.queryForList("SELECT height FROM log_subtree ORDER BY first_index, height", Integer.class))
                .containsExactly(6, 7, 8, 6, 6, 7, 6);
    }

    @Test
    void givesEvidenceWhoseProofsLeadToTheSignedRoot() {
        recordMessages(40);
        sealer(1000).seal();
        String dossierCode = "000.00.17.H56-240101-0033";

        ObjectNode evidence = new DossierEvidence(jdbc, store, GATEWAY).evidenceFor(dossierCode);

        long size = evidence.path("checkpoint").path("size").asLong();
        assertThat(size).isEqualTo(80);
        MerkleTree whole = MerkleTree.ofLeafHashes(storedLeaves());
        assertThat(evidence.path("entries")).hasSize(2);
        for (var entry : evidence.path("entries")) {
            long index = entry.path("index").asLong();
            List<byte[]> proof = new ArrayList<>();
            entry.path("proof").forEach(hash -> proof.add(HexFormat.of().parseHex(hash.asText())));
            assertThat(proof).usingElementComparator(Arrays::compare).containsExactlyElementsOf(whole.inclusionProof(index, size));
            assertThat(MerkleProofs.verifyInclusion(MerkleHash.leaf(entry.path("canonical").asText().getBytes(StandardCharsets.UTF_8)),
                    index, size, proof, whole.root(size))).isTrue();
        }
    }

    @Test
    void resumesFromTheStoredFrontierAndContinuesWithTheSameRoot() {
        events(1, 200);
        sealer(1000).seal();
        events(201, 250);
        clock.advance(Duration.ofMinutes(2));

        MessageLogSealer restarted = sealer(1000);
        assertThat(restarted.size()).isEqualTo(200);
        assertThat(restarted.seal()).isEqualTo(50);

        byte[] signed = HexFormat.of().parseHex(jdbc.queryForObject(
                "SELECT root FROM log_checkpoint WHERE tree_size = 250", String.class));
        assertThat(signed).isEqualTo(MerkleTree.ofLeafHashes(storedLeaves()).root());
        assertThat(verifier().verify().valid()).isTrue();
    }

    @Test
    void buildsTheSubtreesOfALogSealedBeforeTheyWereKept() {
        events(1, 200);
        sealer(1000).seal();
        List<String> kept = jdbc.queryForList("SELECT hash FROM log_subtree ORDER BY first_index, height", String.class);
        jdbc.update("DELETE FROM log_subtree");

        assertThat(sealer(1000).size()).isEqualTo(200);

        assertThat(jdbc.queryForList("SELECT hash FROM log_subtree ORDER BY first_index, height", String.class))
                .hasSize(4).isEqualTo(kept);
        assertThat(verifier().verify().valid()).isTrue();
    }

    @Test
    void catchesATamperedStoredSubtree() {
        events(1, 200);
        sealer(1000).seal();
        String other = jdbc.queryForObject("SELECT hash FROM log_subtree WHERE first_index = 0 AND height = 6", String.class);
        jdbc.update("UPDATE log_subtree SET hash = ? WHERE first_index = 64 AND height = 6", other);

        LogVerification result = verifier().verify();

        assertThat(result.valid()).isFalse();
        assertThat(result.badIndex()).isEqualTo(64);
        assertThat(result.problem()).contains("subtree of entries 64 to 127").contains("does not match");
    }

    @Test
    void catchesADeletedStoredSubtreeAndRefusesToResumeOnATreeThatNoLongerGivesTheSignedRoot() {
        events(1, 200);
        sealer(1000).seal();
        jdbc.update("DELETE FROM log_subtree WHERE first_index = 128 AND height = 6");

        assertThat(verifier().verify().problem()).contains("subtree of entries 128 to 191 is missing");

        jdbc.update("UPDATE log_subtree SET hash = ? WHERE first_index = 0 AND height = 7", "00".repeat(32));
        assertThatThrownBy(() -> sealer(1000).seal()).hasMessageContaining("altered");
    }

    @Test
    void namesAnEntryWhoseEventAloneWasDeleted() {
        sealedLog();

        jdbc.update("DELETE FROM message_event WHERE seq = " + SEQ_AT, 4);

        LogVerification result = verifier().verify();
        assertThat(result.badIndex()).isEqualTo(4);
        assertThat(result.problem()).contains("entry 4 is missing");
    }

    @Test
    void sealsAnEventCommittedLateAfterItsGapWasPassedOverEvenAfterARestart() {
        event(1);
        event(4);
        MessageLogSealer sealer = sealer(1000);
        assertThat(sealer.seal()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(11));
        assertThat(sealer.seal()).isEqualTo(1);

        event(2);
        MessageLogSealer restarted = sealer(1000);
        assertThat(restarted.seal()).isEqualTo(1);
        event(5);
        event(3);
        assertThat(restarted.seal()).isEqualTo(2);

        assertThat(jdbc.queryForList("SELECT seq FROM log_leaf ORDER BY log_index", Long.class))
                .containsExactly(1L, 4L, 2L, 3L, 5L);
        assertThat(verifier().verify().valid()).isTrue();
    }

    private void events(long firstSeq, long lastSeq) {
        for (long seq = firstSeq; seq <= lastSeq; seq++) {
            event(seq);
        }
    }

    private List<byte[]> storedLeaves() {
        return jdbc.queryForList("SELECT leaf_hash FROM log_leaf ORDER BY log_index", String.class).stream()
                .map(HexFormat.of()::parseHex).toList();
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
