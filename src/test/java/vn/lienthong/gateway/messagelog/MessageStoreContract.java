package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import vn.lienthong.gateway.Sha256;

/** What the message store must do on every database it supports; each database runs it through a subclass. */
abstract class MessageStoreContract {

    static final Instant NOW = Instant.parse("2024-01-01T01:00:00Z");

    MessageStore store;
    JdbcTemplate jdbc;

    abstract DataSource dataSource();

    @BeforeEach
    void createStore() {
        jdbc = new JdbcTemplate(dataSource());
        store = new MessageStore(jdbc, new DataSourceTransactionManager(dataSource()), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void storesAReceivedMessageWithItsPayloadHashAndEvent() {
        String id = receive("000.00.17.H56-240101-0001");

        MessageView view = store.find(id).orElseThrow();
        assertThat(view.state()).isEqualTo(MessageState.RECEIVED);
        assertThat(view.kind()).isEqualTo("DOSSIER");
        assertThat(view.destination()).isEqualTo("DVCQG");
        assertThat(view.acceptedAt()).isEqualTo(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
        assertThat(view.attempts()).isEmpty();
        assertThat(store.eventsOf(id)).containsExactly(EventType.RECEIVED);
        byte[] payload = jdbc.queryForObject("SELECT payload FROM message WHERE message_id = ?", byte[].class, id);
        assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo("{\"tên\":\"Hồ Quang Thuận\"}");
        assertThat(jdbc.queryForObject("SELECT payload_sha256 FROM message WHERE message_id = ?", String.class, id))
                .isEqualTo(Sha256.hex(payload));
    }

    @Test
    void keepsAPayloadCompressedAndGivesItBackAsReceived() throws Exception {
        byte[] dossier = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("samples/dossier.json"));
        String id = UUID.randomUUID().toString();
        store.insertReceived(new NewMessage(id, "DOSSIER", Direction.OUTBOUND, Channel.REST, "000.00.17.H56-240101-0001",
                null, "000.00.17.H56", "DVCQG", "sandbox-agency", "127.0.0.1", dossier));

        assertThat(jdbc.queryForObject("SELECT payload_encoding FROM message WHERE message_id = ?", String.class, id))
                .isEqualTo(PayloadCodec.GZIP);
        assertThat(jdbc.queryForObject("SELECT payload FROM message WHERE message_id = ?", byte[].class, id).length)
                .isLessThan(dossier.length);
        assertThat(jdbc.queryForObject("SELECT payload_sha256 FROM message WHERE message_id = ?", String.class, id))
                .isEqualTo(Sha256.hex(dossier));
        assertThat(store.stored(id).orElseThrow().payload()).isEqualTo(dossier);
    }

    @Test
    void readsAPayloadStoredUncompressedBeforePayloadsWereCompressed() {
        String id = UUID.randomUUID().toString();
        byte[] old = "{\"dossierCode\":\"000.00.17.H56-240101-0042\",\"summary\":\"trước khi nén\"}"
                .getBytes(StandardCharsets.UTF_8);
        jdbc.update("""
                INSERT INTO message (message_id, kind, destination, state, client_id, payload_sha256, payload,
                                     accepted_at, updated_at)
                VALUES (?, 'DOSSIER', 'DVCQG', 'DELIVERED', 'sandbox-agency', ?, ?, ?, ?)""",
                id, Sha256.hex(old), old, OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));

        assertThat(jdbc.queryForObject("SELECT payload_encoding FROM message WHERE message_id = ?", String.class, id))
                .isEqualTo(PayloadCodec.IDENTITY);
        assertThat(store.stored(id).orElseThrow().payload()).isEqualTo(old);
    }

    @Test
    void logsQueuedBeforeTheDeliveryOfAWorkerThatTookTheMessageBeforeTheIntakeMarkedIt() {
        String id = receive("000.00.17.H56-240101-0002");
        store.markDelivered(id, 200);

        store.markQueued(id);

        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.DELIVERED);
        assertThat(store.eventsOf(id)).containsExactly(EventType.RECEIVED, EventType.QUEUED, EventType.DELIVERED);
    }

    @Test
    void logsQueuedBeforeTheFailedAttemptOfAWorkerThatTookTheMessageBeforeTheIntakeMarkedIt() {
        String id = receive("000.00.17.H56-240101-0015");
        store.recordFailedAttempt(id, AttemptOutcome.TRANSIENT_FAILURE, 503, "Cổng DVCQG bận",
                OffsetDateTime.parse("2024-01-01T01:00:02Z"));

        store.markQueued(id);
        store.markDelivered(id, 200);

        assertThat(store.eventsOf(id)).containsExactly(EventType.RECEIVED, EventType.QUEUED, EventType.ATTEMPT_FAILED,
                EventType.DELIVERED);
    }

    @Test
    void recordsEveryAttemptInOrderWithOutcomeStatusReasonAndNextRetry() {
        String id = receive("000.00.17.H56-240101-0003");
        store.markQueued(id);
        OffsetDateTime retryAt = OffsetDateTime.parse("2024-01-01T01:00:02Z");
        store.recordFailedAttempt(id, AttemptOutcome.TRANSIENT_FAILURE, 503, "Cổng DVCQG bận", retryAt);
        store.recordFailedAttempt(id, AttemptOutcome.TRANSIENT_FAILURE, null, "connection reset", retryAt);
        store.markDelivered(id, 200);

        MessageView view = store.find(id).orElseThrow();
        assertThat(view.state()).isEqualTo(MessageState.DELIVERED);
        assertThat(view.deliveredAt()).isNotNull();
        assertThat(view.attempts()).extracting(Attempt::outcome).containsExactly(AttemptOutcome.TRANSIENT_FAILURE,
                AttemptOutcome.TRANSIENT_FAILURE, AttemptOutcome.DELIVERED);
        assertThat(view.attempts().get(0).httpStatus()).isEqualTo(503);
        assertThat(view.attempts().get(0).reason()).isEqualTo("Cổng DVCQG bận");
        assertThat(view.attempts().get(0).nextRetryAt()).isEqualTo(retryAt);
        assertThat(view.attempts().get(1).httpStatus()).isNull();
        assertThat(store.attemptCount(id)).isEqualTo(3);
        assertThat(store.eventsOf(id)).containsExactly(EventType.RECEIVED, EventType.QUEUED, EventType.ATTEMPT_FAILED,
                EventType.ATTEMPT_FAILED, EventType.DELIVERED);
    }

    @Test
    void marksDeadLetteredWithTheFinalAttempt() {
        String id = receive("000.00.17.H56-240101-0004");

        store.markDeadLettered(id, AttemptOutcome.PERMANENT_FAILURE, 400, "MaTTHC không tồn tại");

        MessageView view = store.find(id).orElseThrow();
        assertThat(view.state()).isEqualTo(MessageState.DEAD_LETTERED);
        assertThat(view.attempts()).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(AttemptOutcome.PERMANENT_FAILURE);
            assertThat(a.nextRetryAt()).isNull();
        });
        assertThat(store.eventsOf(id)).endsWith(EventType.DEAD_LETTERED);
    }

    @Test
    void listsTheMessagesOfOneDossierInTheOrderAccepted() {
        String dossier = "000.00.17.H56-240101-0005";
        String first = receive(dossier);
        receive("000.00.17.H56-240101-0006");
        String second = receive(dossier);
        String third = receive(dossier);

        assertThat(store.findByDossier(dossier)).extracting(MessageView::messageId).containsExactly(first, second, third);
    }

    @Test
    void tellsWhetherAnEarlierMessageOfTheDossierReachedTheDestination() {
        String dossier = "000.00.17.H56-240101-0007";
        String first = receive(dossier);
        String second = receive(dossier);
        assertThat(store.hasEarlierDelivery(dossier, "DVCQG", second)).isFalse();

        store.markDelivered(first, 200);

        assertThat(store.hasEarlierDelivery(dossier, "DVCQG", second)).isTrue();
        assertThat(store.hasEarlierDelivery(dossier, "LGSP", second)).isFalse();
        assertThat(store.hasEarlierDelivery(dossier, "DVCQG", first)).isFalse();
    }

    @Test
    void recordsRejectionsWithClientAddressAndReason() {
        store.recordRejection(new Rejection(Channel.REST, "sandbox-agency", "127.0.0.1", "DOSSIER_INVALID", "2 violations", "ab".repeat(32)));

        assertThat(jdbc.queryForMap("SELECT event, client_id, remote_address, reason_code FROM message_event "
                + "WHERE event = 'REJECTED' ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY"))
                .containsValues("REJECTED", "sandbox-agency", "127.0.0.1", "DOSSIER_INVALID");
    }

    @Test
    void remembersAnIdempotencyKeyForItsWindowOnly() {
        IdempotencyKeyStore keys = new IdempotencyKeyStore(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
        String kept = receiveWithKey("key-kept", OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).plusDays(7));
        receiveWithKey("key-expired", OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).minusSeconds(1));

        assertThat(keys.find("sandbox-agency", "key-kept")).hasValueSatisfying(k -> {
            assertThat(k.messageId()).isEqualTo(kept);
            assertThat(k.requestSha256()).isEqualTo("cd".repeat(32));
            assertThat(k.state()).isEqualTo(MessageState.RECEIVED);
        });
        assertThat(keys.find("sandbox-agency", "key-expired")).isEmpty();
        assertThat(keys.find("another-client", "key-kept")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key WHERE idempotency_key = 'key-expired'",
                Long.class)).as("an expired key is forgotten when it is looked up").isZero();

        keys.purgeExpired();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key WHERE idempotency_key LIKE 'key-%'",
                Long.class)).isEqualTo(1);
    }

    @Test
    void refusesASecondMessageWithAKeyAlreadyStored() {
        receiveWithKey("key-twice", OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).plusDays(1));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> receiveWithKey("key-twice", OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).plusDays(1)))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void refusingAStoredMessageForgetsItsKey() {
        String id = receiveWithKey("key-refused", OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).plusDays(1));

        store.markRefused(id, "broker down");

        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.REFUSED);
        assertThat(new IdempotencyKeyStore(jdbc, Clock.fixed(NOW, ZoneOffset.UTC)).find("sandbox-agency", "key-refused"))
                .isEmpty();
        assertThat(store.eventsOf(id)).containsExactly(EventType.RECEIVED, EventType.REFUSED);
    }

    @Test
    void restoresAQueuedMessageTheStoreHasNoRecordOf() {
        String id = UUID.randomUUID().toString();
        NewMessage fromQueue = new NewMessage(id, "DOSSIER", Direction.OUTBOUND, Channel.REST, "000.00.17.H56-240101-0098", null, "000.00.17.H56", "DVCQG",
                "sandbox-agency", null, "{}".getBytes(StandardCharsets.UTF_8));

        store.restoreFromQueue(fromQueue);
        store.restoreFromQueue(fromQueue);

        assertThat(store.pending(id)).hasValueSatisfying(p -> assertThat(p.state()).isEqualTo(MessageState.QUEUED));
        assertThat(store.eventsOf(id)).containsExactly(EventType.RECEIVED);
        assertThat(jdbc.queryForObject("SELECT reason_code FROM message_event WHERE message_id = ?", String.class, id))
                .isEqualTo("RESTORED_FROM_QUEUE");
        store.markDelivered(id, 200);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.DELIVERED);
    }

    @Test
    void letsOnlyOneReplayClaimADeadLetterAndRevertsAFailedOne() {
        String id = receive("000.00.17.H56-240101-0097");
        store.markDeadLettered(id, AttemptOutcome.PERMANENT_FAILURE, 400, "refused");

        assertThat(store.markReplayed(id, "sandbox-admin", "127.0.0.1")).isTrue();
        assertThat(store.markReplayed(id, "other-admin", "127.0.0.1")).isFalse();
        store.revertReplay(id, "sandbox-admin", "127.0.0.1", "JmsException");

        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.DEAD_LETTERED);
        assertThat(store.eventsOf(id)).containsExactly(EventType.RECEIVED, EventType.QUEUED, EventType.DEAD_LETTERED,
                EventType.REPLAYED, EventType.ADMIN_ACTION);
        assertThat(store.markReplayed(id, "sandbox-admin", "127.0.0.1")).isTrue();
    }

    @Test
    void recordsAnAcknowledgementWithTheAcknowledgingClientOnlyWhenTheStateChangeTookPlace() {
        String id = receive("000.00.17.H56-240101-0096");
        store.markDelivered(id, 200);

        assertThat(store.recordAcknowledged(id, "police-system", "10.0.0.9", () -> false)).isFalse();
        assertThat(store.recordAcknowledged(id, "police-system", "10.0.0.9", () -> true)).isTrue();

        assertThat(store.eventsOf(id)).containsExactly(EventType.RECEIVED, EventType.QUEUED, EventType.DELIVERED,
                EventType.ACKNOWLEDGED);
        assertThat(jdbc.queryForObject("SELECT client_id FROM message_event WHERE message_id = ? AND event = ?",
                String.class, id, "ACKNOWLEDGED")).isEqualTo("police-system");
    }

    @Test
    void findsNothingForAnUnknownMessage() {
        assertThat(store.find(UUID.randomUUID().toString())).isEmpty();
    }

    private String receiveWithKey(String key, OffsetDateTime expiresAt) {
        String id = UUID.randomUUID().toString();
        store.insertReceived(new NewMessage(id, "DOSSIER", Direction.OUTBOUND, Channel.REST, "000.00.17.H56-240101-0099", null, "000.00.17.H56", "DVCQG",
                "sandbox-agency", "127.0.0.1", new byte[] {'{', '}'}),
                new IdempotencyRecord("sandbox-agency", key, "cd".repeat(32), id, "{}", expiresAt));
        return id;
    }

    private String receive(String dossierCode) {
        String id = UUID.randomUUID().toString();
        store.insertReceived(new NewMessage(id, "DOSSIER", Direction.OUTBOUND, Channel.REST, dossierCode, null, "000.00.17.H56", "DVCQG", "sandbox-agency",
                "127.0.0.1", "{\"tên\":\"Hồ Quang Thuận\"}".getBytes(StandardCharsets.UTF_8)));
        return id;
    }
}
