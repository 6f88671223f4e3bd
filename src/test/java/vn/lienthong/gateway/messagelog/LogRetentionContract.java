package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.signature.CmsSigner;

/**
 * Retention: entries older than the period are archived to a signed export that verifies offline, then purged with
 * the payloads of finished messages; the live log still verifies, the tree goes on across restarts, and the next
 * archive continues where the last one purged.
 */
abstract class LogRetentionContract {

    @TempDir
    Path dir;
    private ExportFixture log;

    /** A fresh, migrated store for one test. */
    abstract DataSource freshStore(Path dir);

    @BeforeEach
    void freshLog() {
        log = new ExportFixture(freshStore(dir));
    }

    @Test
    void archivesWhatIsOlderThanTheRetentionPeriodThenPurgesItAndTheLogStillVerifies() throws Exception {
        List<String> oldDelivered = messages(40, true);
        String oldDeadLettered = deadLettered();
        log.clock.advance(Duration.ofDays(10));
        messages(5, true);
        log.checkpointAll();
        long sealed = log.size();

        Path archive = retention(Duration.ofDays(5)).archiveAndPurge();

        assertThat(archive).exists().hasFileName("lienthong-log-gateway-1-0-" + lastCheckpointBelow(120) + ".zip");
        ExportFixture.Verdict verdict = ExportFixture.verify(archive);
        assertThat(verdict.code()).as(verdict.output()).isZero();
        assertThat(verdict.output()).startsWith("VALID: export of node gateway-1: entries 0..");
        long purgedBelow = LogArchives.purgedBelow(log.jdbc);
        assertThat(purgedBelow).isPositive().isEqualTo(lastCheckpointBelow(120) / 64 * 64);
        assertThat(log.jdbc.queryForObject("SELECT MIN(log_index) FROM log_leaf", Long.class)).isEqualTo(purgedBelow);
        assertThat(log.jdbc.queryForObject("SELECT COUNT(*) FROM message_event e JOIN log_leaf l ON l.seq = e.seq",
                Long.class)).isEqualTo(sealed - purgedBelow);
        assertThat(log.jdbc.queryForObject("SELECT file_sha256 FROM log_archive", String.class))
                .isEqualTo(vn.lienthong.gateway.Sha256.hex(Files.readAllBytes(archive)));
        assertThatThrownBy(() -> log.store.stored(oldDelivered.get(0)))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_ARCHIVED));
        assertThat(log.store.stored(oldDeadLettered).orElseThrow().payload()).isNotEmpty();
        assertThat(verifier().verify().valid()).as(verifier().verify().problem()).isTrue();
        assertThat(log.jdbc.queryForObject("SELECT detail FROM message_event WHERE event = 'ADMIN_ACTION' "
                + "AND client_id = 'retention'", String.class)).startsWith("archived entries 0..")
                .contains(archive.getFileName().toString());
    }

    @Test
    void theTreeGoesOnAfterAPurgeAndTheNextArchiveStartsWhereTheLastOnePurged() throws Exception {
        messages(40, true);
        log.clock.advance(Duration.ofDays(10));
        messages(5, true);
        log.checkpointAll();
        retention(Duration.ofDays(5)).archiveAndPurge();
        long firstPurge = LogArchives.purgedBelow(log.jdbc);

        MessageLogSealer restarted = new MessageLogSealer(log.jdbc, log.transactions, log.clock, "gateway-1", 1000,
                Duration.ofSeconds(10), 4, Duration.ofHours(1), new CmsSigner(ExportFixture.GATEWAY));
        assertThat(restarted.size()).isEqualTo(log.size());
        messages(40, true, restarted);
        log.clock.advance(Duration.ofHours(2));
        restarted.seal();
        assertThat(verifier().verify().valid()).isTrue();
        log.clock.advance(Duration.ofDays(10));
        messages(3, true, restarted);
        log.clock.advance(Duration.ofHours(2));
        restarted.seal();

        Path second = retention(Duration.ofDays(5)).archiveAndPurge();

        assertThat(second.getFileName().toString()).startsWith("lienthong-log-gateway-1-" + firstPurge + "-");
        ExportFixture.Verdict verdict = ExportFixture.verify(second);
        assertThat(verdict.code()).as(verdict.output()).isZero();
        assertThat(verdict.output()).startsWith("VALID: export of node gateway-1: entries " + firstPurge + "..");
        assertThat(LogArchives.purgedBelow(log.jdbc)).isGreaterThan(firstPurge);
        assertThat(verifier().verify().valid()).isTrue();
    }

    @Test
    void anEntryAlteredAfterAPurgeIsStillNamed() {
        messages(40, true);
        log.clock.advance(Duration.ofDays(10));
        messages(30, true);
        log.checkpointAll();
        retention(Duration.ofDays(5)).archiveAndPurge();
        long victim = LogArchives.purgedBelow(log.jdbc) + 3;

        log.jdbc.update("UPDATE message_event SET detail = 'forged' WHERE seq = (SELECT seq FROM log_leaf "
                + "WHERE log_index = ?)", victim);

        LogVerification verdict = verifier().verify();
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.problem()).startsWith("entry " + victim + " ");
    }

    @Test
    void consistencyIsStillProvenAfterAPurgeExceptFromACheckpointWhoseEntriesAreGone() throws Exception {
        messages(40, true);
        log.clock.advance(Duration.ofDays(10));
        messages(30, true);
        log.checkpointAll();
        AuditConsistency consistency = new AuditConsistency(log.jdbc, log.store,
                new vn.lienthong.gateway.config.GatewayProperties(), ExportFixture.GATEWAY);
        long oldest = log.jdbc.queryForObject("SELECT MIN(tree_size) FROM log_checkpoint", Long.class);
        long newest = log.jdbc.queryForObject("SELECT MAX(tree_size) FROM log_checkpoint", Long.class);
        retention(Duration.ofDays(5)).archiveAndPurge();
        long purgedBelow = LogArchives.purgedBelow(log.jdbc);
        long later = log.jdbc.queryForObject("SELECT MIN(tree_size) FROM log_checkpoint WHERE tree_size > ?",
                Long.class, purgedBelow + 64);

        Path document = dir.resolve("consistency.json");
        Files.write(document, vn.lienthong.gateway.Samples.JSON.writeValueAsBytes(consistency.document(later, newest)));
        ExportFixture.Verdict verdict = ExportFixture.verify(document);
        assertThat(verdict.code()).as(verdict.output()).isZero();
        assertThatThrownBy(() -> consistency.document(oldest, newest))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.LOG_ARCHIVED));
    }

    @Test
    void keepsEverythingWithoutARetentionPeriodOrWhenNothingIsOldEnough() {
        messages(40, true);
        log.checkpointAll();

        assertThat(retention(null).archiveAndPurge()).isNull();
        assertThat(retention(Duration.ofDays(30)).archiveAndPurge()).isNull();
        assertThat(log.jdbc.queryForObject("SELECT COUNT(*) FROM log_archive", Long.class)).isZero();
        assertThat(log.jdbc.queryForObject("SELECT MIN(log_index) FROM log_leaf", Long.class)).isZero();
    }

    private LogRetention retention(Duration keep) {
        List<java.security.cert.X509Certificate> chain = ExportFixture.GATEWAY.chain();
        return new LogRetention(log.jdbc, log.transactions, new AuditExportWriter(log.jdbc, log.transactions,
                ExportFixture.GATEWAY, new PayloadCodec(10_000_000), log.clock), log.store, log.clock, "gateway-1", keep,
                dir.resolve("archive"), chain.get(chain.size() - 1));
    }

    private MessageLogVerifier verifier() {
        return new MessageLogVerifier(log.jdbc, ExportFixture.GATEWAY.certificate());
    }

    private long lastCheckpointBelow(long index) {
        Long firstYoung = log.jdbc.queryForObject("""
                SELECT MIN(l.log_index) FROM log_leaf l JOIN message_event e ON e.seq = l.seq
                WHERE e.occurred_at >= ?""", Long.class,
                java.time.OffsetDateTime.ofInstant(log.clock.instant().minus(Duration.ofDays(5)),
                        java.time.ZoneOffset.UTC));
        return log.jdbc.queryForObject("SELECT MAX(tree_size) FROM log_checkpoint WHERE tree_size <= ?", Long.class,
                firstYoung == null ? index : firstYoung);
    }

    /** Records messages (RECEIVED, QUEUED, and DELIVERED when asked), one second apart, sealing as it goes. */
    private List<String> messages(int count, boolean delivered) {
        return messages(count, delivered, log.sealer);
    }

    private List<String> messages(int count, boolean delivered, MessageLogSealer sealer) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            log.clock.advance(Duration.ofSeconds(1));
            log.store.insertReceived(new NewMessage(id, "DOSSIER", Direction.OUTBOUND, Channel.REST,
                    String.format("000.00.17.H56-240101-%04d", i), null, "000.00.17.H56", "DVCQG", "sandbox-agency",
                    "127.0.0.1", ("{\"hồSơ\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8)));
            log.store.markQueued(id);
            if (delivered) {
                log.store.markDelivered(id, 200);
            }
            sealer.seal();
            ids.add(id);
        }
        return ids;
    }

    private String deadLettered() {
        String id = messages(1, false).get(0);
        log.store.markDeadLettered(id, AttemptOutcome.PERMANENT_FAILURE, 400, "refused by the platform");
        log.sealer.seal();
        return id;
    }
}
