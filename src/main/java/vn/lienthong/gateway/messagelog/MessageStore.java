package vn.lienthong.gateway.messagelog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.config.GatewayProperties;

/**
 * Keeps every message (its payload compressed, see {@link PayloadCodec}), its state, its delivery attempts and its
 * events in the relational message store.
 */
@Component
public class MessageStore {

    private static final int MAX_TEXT = 1000;
    private static final int MAX_DOCUMENT_ID = 300;
    private static final Logger LOG = LoggerFactory.getLogger(MessageStore.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PayloadCodec payloads;

    /** A store that reads back payloads up to the default body limit of the ingress. */
    MessageStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this(jdbc, transactionManager, clock,
                new PayloadCodec(new GatewayProperties.Ingress().largestBody()));
    }

    @Autowired
    MessageStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock, PayloadCodec payloads) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.payloads = payloads;
    }

    /** Stores a newly accepted message in state RECEIVED together with its RECEIVED event. */
    public void insertReceived(NewMessage m) {
        insertReceived(m, null);
    }

    /**
     * Stores a newly accepted message in state RECEIVED with its RECEIVED event and, in the same transaction, the
     * client's idempotency key; a key already stored makes the whole insert fail with a duplicate-key error.
     */
    public void insertReceived(NewMessage m, IdempotencyRecord key) {
        insertReceived(m, key, () -> { });
    }

    /**
     * As {@link #insertReceived(NewMessage, IdempotencyRecord)}, running {@code alsoInTransaction} first in the same
     * transaction (a state change the message depends on); if it throws, nothing is stored.
     */
    public void insertReceived(NewMessage m, IdempotencyRecord key, Runnable alsoInTransaction) {
        insertReceived(List.of(m), key, alsoInTransaction);
    }

    /**
     * Stores the messages one request became (one per destination, same payload) in state RECEIVED, each with its
     * RECEIVED event, in one transaction with {@code alsoInTransaction} (run first) and the client's idempotency key
     * (which names the first message); if anything fails, nothing is stored.
     */
    public void insertReceived(List<NewMessage> messages, IdempotencyRecord key, Runnable alsoInTransaction) {
        OffsetDateTime now = now();
        String sha = messages.isEmpty() ? null : Sha256.hex(messages.get(0).payload());
        tx.executeWithoutResult(status -> {
            alsoInTransaction.run();
            for (NewMessage m : messages) {
                insertMessage(m, MessageState.RECEIVED, sha, now);
            }
            if (key != null) {
                jdbc.update("""
                        INSERT INTO idempotency_key (client_id, idempotency_key, request_sha256, message_id, response,
                                                     created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""",
                        key.clientId(), key.key(), key.requestSha256(), key.messageId(), key.response(), now,
                        key.expiresAt());
            }
            for (NewMessage m : messages) {
                insertEventFor(now, EventType.RECEIVED, m.messageId(), m.remoteAddress(), null, null);
            }
        });
    }

    /**
     * Stores a message taken in from a platform (direction INBOUND) in state RECEIVED with its RECEIVED event and a
     * SIGNATURE_VERIFIED event carrying the verdict on its signature, then runs {@code alsoInTransaction} in the same
     * transaction (a record that refers to the message); if that throws, nothing is stored.
     */
    public void insertReceivedInbound(NewMessage m, String verdict, String verdictDetail, Runnable alsoInTransaction) {
        OffsetDateTime now = now();
        String sha = Sha256.hex(m.payload());
        tx.executeWithoutResult(status -> {
            insertMessage(m, MessageState.RECEIVED, sha, now);
            insertEventFor(now, EventType.RECEIVED, m.messageId(), m.remoteAddress(), null, null);
            insertEventFor(now, EventType.SIGNATURE_VERIFIED, m.messageId(), m.remoteAddress(), verdict,
                    verdictDetail);
            alsoInTransaction.run();
        });
    }

    /**
     * Re-creates, in state QUEUED, the record of a message found on a queue that the store has no record of (a
     * store restored from an older backup, say), with a RECEIVED event saying so; a record already there is kept.
     */
    public void restoreFromQueue(NewMessage m) {
        OffsetDateTime now = now();
        String sha = Sha256.hex(m.payload());
        try {
            tx.executeWithoutResult(status -> {
                insertMessage(m, MessageState.QUEUED, sha, now);
                insertEventFor(now, EventType.RECEIVED, m.messageId(), null, "RESTORED_FROM_QUEUE",
                        "the store had no record of this queued message; restored from the queue");
            });
        } catch (DuplicateKeyException alreadyThere) {
            LOG.debug("Message {} was restored meanwhile", m.messageId());
        }
    }

    /**
     * Marks a message REFUSED when the request that stored it failed before the queue confirmed it, and forgets its
     * idempotency key; a message already queued or further is left as it is.
     */
    public void markRefused(String messageId, String reason) {
        OffsetDateTime now = now();
        tx.executeWithoutResult(status -> {
            int changed = jdbc.update("UPDATE message SET state = ?, updated_at = ? WHERE message_id = ? AND state = ?",
                    MessageState.REFUSED.name(), now, messageId, MessageState.RECEIVED.name());
            if (changed == 1) {
                jdbc.update("DELETE FROM idempotency_key WHERE message_id = ?", messageId);
                insertEventFor(now, EventType.REFUSED, messageId, null, "NOT_QUEUED", reason);
            }
        });
    }

    /** Moves a message from RECEIVED to QUEUED; a message a worker already took from its queue is left as it is. */
    public void markQueued(String messageId) {
        markQueued(List.of(messageId));
    }

    /** Moves the messages from RECEIVED to QUEUED in one transaction; those a worker already took stay as they are. */
    public void markQueued(List<String> messageIds) {
        OffsetDateTime now = now();
        tx.executeWithoutResult(status -> {
            for (String messageId : messageIds) {
                queuedIfStillReceived(messageId, now);
            }
        });
    }

    /**
     * Moves a message still RECEIVED to QUEUED with its QUEUED entry: the intake's mark, or a worker's first outcome
     * when it took the message from its queue before that mark, so that the log says QUEUED before any attempt.
     */
    private void queuedIfStillReceived(String messageId, OffsetDateTime now) {
        int changed = jdbc.update("UPDATE message SET state = ?, updated_at = ? WHERE message_id = ? AND state = ?",
                MessageState.QUEUED.name(), now, messageId, MessageState.RECEIVED.name());
        if (changed == 1) {
            insertEventFor(now, EventType.QUEUED, messageId, null, null, null);
        }
    }

    /** Records a successful attempt and marks the message DELIVERED. */
    public void markDelivered(String messageId, int httpStatus) {
        OffsetDateTime now = now();
        tx.executeWithoutResult(status -> {
            queuedIfStillReceived(messageId, now);
            insertAttempt(messageId, now, AttemptOutcome.DELIVERED, httpStatus, null, null);
            jdbc.update("""
                    UPDATE message SET state = ?, delivered_at = ?, next_attempt_at = NULL, updated_at = ?
                    WHERE message_id = ?""", MessageState.DELIVERED.name(), now, now, messageId);
            insertEventFor(now, EventType.DELIVERED, messageId, null, null, null);
        });
    }

    /** Records a failed attempt that will be retried at {@code nextRetryAt}. */
    public void recordFailedAttempt(String messageId, AttemptOutcome outcome, Integer httpStatus, String reason,
                                    OffsetDateTime nextRetryAt) {
        OffsetDateTime now = now();
        tx.executeWithoutResult(status -> {
            queuedIfStillReceived(messageId, now);
            insertAttempt(messageId, now, outcome, httpStatus, reason, nextRetryAt);
            jdbc.update("UPDATE message SET state = ?, next_attempt_at = ?, updated_at = ? WHERE message_id = ?",
                    MessageState.QUEUED.name(), nextRetryAt, now, messageId);
            insertEventFor(now, EventType.ATTEMPT_FAILED, messageId, null, reasonCode(outcome, httpStatus), reason);
        });
    }

    /** Records the last failed attempt and marks the message DEAD_LETTERED. */
    public void markDeadLettered(String messageId, AttemptOutcome outcome, Integer httpStatus, String reason) {
        OffsetDateTime now = now();
        tx.executeWithoutResult(status -> {
            queuedIfStillReceived(messageId, now);
            insertAttempt(messageId, now, outcome, httpStatus, reason, null);
            jdbc.update("""
                    UPDATE message SET state = ?, dead_lettered_at = ?, next_attempt_at = NULL, updated_at = ?
                    WHERE message_id = ?""", MessageState.DEAD_LETTERED.name(), now, now, messageId);
            insertEventFor(now, EventType.DEAD_LETTERED, messageId, null, reasonCode(outcome, httpStatus), reason);
        });
    }

    /**
     * Records that the receiving agency confirmed a delivered message (an ACKNOWLEDGED entry naming the client and its
     * address), running {@code alsoInTransaction} first; returns false, recording nothing, when that returns false.
     */
    public boolean recordAcknowledged(String messageId, String clientId, String remoteAddress,
                                      java.util.function.BooleanSupplier alsoInTransaction) {
        OffsetDateTime now = now();
        Boolean done = tx.execute(status -> {
            if (!alsoInTransaction.getAsBoolean()) {
                return false;
            }
            jdbc.update("""
                    INSERT INTO message_event (occurred_at, event, direction, channel, message_id, dossier_code,
                                               document_id, client_id, remote_address, destination, reason_code, detail)
                    SELECT ?, ?, direction, channel, message_id, dossier_code, document_id, ?, ?, destination, NULL, ?
                    FROM message WHERE message_id = ?""",
                    now, EventType.ACKNOWLEDGED.name(), truncate(clientId), truncate(remoteAddress),
                    "acknowledged by the receiving agency", messageId);
            jdbc.update("UPDATE message SET updated_at = ? WHERE message_id = ?", now, messageId);
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    /** Records a refused request; nothing about it is queued. */
    public void recordRejection(Rejection r) {
        insertEvent(now(), EventType.REJECTED, r.channel(), r.clientId(), r.remoteAddress(), r.reasonCode(), r.detail(),
                r.payloadSha256());
    }

    /**
     * Records something a platform sent in (direction INBOUND) that the gateway refused and will not pass on: by which
     * channel, from whom, the document it names (null when unreadable), why, and the SHA-256 of what was received.
     */
    public void recordInboundRejection(Channel channel, String sender, String documentId, String reasonCode,
                                       String detail, String payloadSha256) {
        jdbc.update("""
                INSERT INTO message_event (occurred_at, event, direction, channel, client_id, document_id, reason_code,
                                           detail, payload_sha256)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                now(), EventType.REJECTED.name(), Direction.INBOUND.name(), channel.name(), sender,
                truncate(documentId, MAX_DOCUMENT_ID), reasonCode, truncate(detail), payloadSha256);
    }

    /** Dead-lettered messages of a destination (all when null), dead-lettered in [from, to), oldest first. */
    public List<MessageView> deadLetters(String destination, OffsetDateTime from, OffsetDateTime to, int limit,
                                         int offset) {
        return jdbc.query("""
                SELECT message_id, kind, direction, dossier_code, document_id, destination, state, accepted_at,
                       delivered_at
                FROM message
                WHERE state = ? AND (CAST(? AS VARCHAR(32)) IS NULL OR destination = ?)
                  AND dead_lettered_at >= ? AND dead_lettered_at < ?
                ORDER BY dead_lettered_at, seq
                OFFSET ? ROWS FETCH NEXT ? ROWS ONLY""", this::toView,
                MessageState.DEAD_LETTERED.name(), destination, destination,
                from == null ? OffsetDateTime.parse("1970-01-01T00:00:00Z") : from,
                to == null ? OffsetDateTime.parse("9999-12-31T00:00:00Z") : to, offset, limit);
    }

    /** When a message was dead-lettered, if it was. */
    public Optional<OffsetDateTime> deadLetteredAt(String messageId) {
        return jdbc.query("SELECT dead_lettered_at FROM message WHERE message_id = ? AND dead_lettered_at IS NOT NULL",
                (rs, i) -> utc(rs.getObject(1, OffsetDateTime.class)), messageId).stream().findFirst();
    }

    /** A message with its payload as received (decompressed), if it exists. */
    public Optional<StoredMessage> stored(String messageId) {
        return jdbc.query("""
                SELECT message_id, kind, dossier_code, document_id, agency_code, destination, client_id, state, payload,
                       payload_encoding
                FROM message WHERE message_id = ?""",
                (rs, i) -> new StoredMessage(rs.getString("message_id"), rs.getString("kind"),
                        rs.getString("dossier_code"), rs.getString("document_id"), rs.getString("agency_code"),
                        rs.getString("destination"),
                        rs.getString("client_id"), MessageState.valueOf(rs.getString("state")),
                        payloads.decode(rs.getString("message_id"), rs.getString("payload_encoding"),
                                rs.getBytes("payload"))),
                messageId).stream().findFirst();
    }

    /**
     * Moves a DEAD_LETTERED message back to QUEUED with a REPLAYED event naming the administrator; false when the
     * message was not dead-lettered (nothing changes then).
     */
    public boolean markReplayed(String messageId, String adminId, String remoteAddress) {
        OffsetDateTime now = now();
        Boolean changed = tx.execute(status -> {
            int n = jdbc.update("""
                    UPDATE message SET state = ?, next_attempt_at = NULL, updated_at = ?
                    WHERE message_id = ? AND state = ?""",
                    MessageState.QUEUED.name(), now, messageId, MessageState.DEAD_LETTERED.name());
            if (n == 1) {
                insertAdminEvent(now, EventType.REPLAYED, messageId, adminId, remoteAddress, null);
            }
            return n == 1;
        });
        return Boolean.TRUE.equals(changed);
    }

    /** Puts a replayed message back to DEAD_LETTERED when its queue did not take it, with an ADMIN_ACTION saying so. */
    public void revertReplay(String messageId, String adminId, String remoteAddress, String why) {
        OffsetDateTime now = now();
        tx.executeWithoutResult(status -> {
            int n = jdbc.update("UPDATE message SET state = ?, updated_at = ? WHERE message_id = ? AND state = ?",
                    MessageState.DEAD_LETTERED.name(), now, messageId, MessageState.QUEUED.name());
            if (n == 1) {
                insertAdminEvent(now, EventType.ADMIN_ACTION, messageId, adminId, remoteAddress,
                        "replay failed (" + why + "); the message is dead-lettered again");
            }
        });
    }

    /** Marks a DEAD_LETTERED message DISCARDED with the administrator's reason; false when it was not dead-lettered. */
    public boolean markDiscarded(String messageId, String adminId, String remoteAddress, String reason) {
        OffsetDateTime now = now();
        Boolean changed = tx.execute(status -> {
            int n = jdbc.update("UPDATE message SET state = ?, updated_at = ? WHERE message_id = ? AND state = ?",
                    MessageState.DISCARDED.name(), now, messageId, MessageState.DEAD_LETTERED.name());
            if (n == 1) {
                insertAdminEvent(now, EventType.DISCARDED, messageId, adminId, remoteAddress, reason);
            }
            return n == 1;
        });
        return Boolean.TRUE.equals(changed);
    }

    /** Records an administrator's call that changed nothing by itself (a listing, an inspection, a bulk request). */
    public void recordAdminAction(String adminId, String remoteAddress, String detail) {
        insertEvent(now(), EventType.ADMIN_ACTION, Channel.ADMIN, adminId, remoteAddress, null, detail, null);
    }

    /** Records an auditor's call, with the auditor and the remote address. */
    public void recordAuditAction(String auditorId, String remoteAddress, String detail) {
        insertEvent(now(), EventType.AUDIT_ACTION, Channel.AUDIT, auditorId, remoteAddress, null, detail, null);
    }

    /**
     * Records the configuration the gateway started with: keeps the snapshot (once per distinct content) and writes a
     * CONFIGURATION_LOADED entry naming the operator and host, whose payload hash is the snapshot's SHA-256.
     */
    public void recordConfigurationLoaded(String operator, String host, String snapshot, String detail) {
        OffsetDateTime now = now();
        String sha = Sha256.hex(snapshot.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        tx.executeWithoutResult(status -> {
            Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM configuration_snapshot WHERE sha256 = ?",
                    Integer.class, sha);
            if (known == null || known == 0) {
                jdbc.update("INSERT INTO configuration_snapshot (sha256, snapshot, first_seen) VALUES (?, ?, ?)", sha,
                        snapshot, now);
            }
            insertEvent(now, EventType.CONFIGURATION_LOADED, Channel.CONFIGURATION, operator, host, null, detail, sha);
        });
    }

    /** The configuration snapshot the gateway last started with, if it ever recorded one. */
    public Optional<String> lastConfiguration() {
        return jdbc.query("""
                SELECT s.snapshot FROM message_event e JOIN configuration_snapshot s ON s.sha256 = e.payload_sha256
                WHERE e.event = ? ORDER BY e.seq DESC FETCH FIRST 1 ROWS ONLY""",
                (rs, i) -> rs.getString(1), EventType.CONFIGURATION_LOADED.name()).stream().findFirst();
    }

    /**
     * Records a signature verification a client asked for: the verdict (and reason) as the reason code, what was
     * found as the detail, and the SHA-256 of the signed content.
     */
    public void recordSignatureVerification(String clientId, String remoteAddress, String verdict, String detail,
                                            String contentSha256) {
        insertEvent(now(), EventType.SIGNATURE_VERIFIED, Channel.REST, clientId, remoteAddress, verdict, detail,
                contentSha256);
    }

    /**
     * Records the verification of a signature that came with a message before it was accepted (an attachment of an
     * official document): channel, client, the document it belongs to, the verdict as the reason code, what was found
     * as the detail, and the SHA-256 of the signed content.
     */
    public void recordSignatureVerification(Channel channel, String clientId, String remoteAddress, String documentId,
                                            String verdict, String detail, String contentSha256) {
        recordSignatureVerification(Direction.OUTBOUND, channel, clientId, remoteAddress, documentId, verdict, detail,
                contentSha256);
    }

    /** As above, for something coming in ({@link Direction#INBOUND}) or going out. */
    public void recordSignatureVerification(Direction direction, Channel channel, String clientId, String remoteAddress,
                                            String documentId, String verdict, String detail, String contentSha256) {
        jdbc.update("""
                INSERT INTO message_event (occurred_at, event, direction, channel, client_id, remote_address, document_id,
                                           reason_code, detail, payload_sha256)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                now(), EventType.SIGNATURE_VERIFIED.name(), direction.name(), channel.name(), clientId,
                truncate(remoteAddress), truncate(documentId), verdict, truncate(detail), contentSha256);
    }

    /** How many attempts have been recorded for a message. */
    public int attemptCount(String messageId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM delivery_attempt WHERE message_id = ?", Integer.class,
                messageId);
        return n == null ? 0 : n;
    }

    /** Whether another message about the same dossier already reached this destination. */
    public boolean hasEarlierDelivery(String dossierCode, String destination, String messageId) {
        Integer n = jdbc.queryForObject("""
                SELECT COUNT(*) FROM message
                WHERE dossier_code = ? AND destination = ? AND state = ? AND message_id <> ?""", Integer.class,
                dossierCode, destination, MessageState.DELIVERED.name(), messageId);
        return n != null && n > 0;
    }

    /** The state and place in order of a message, as a delivery worker checks it. */
    public Optional<PendingMessage> pending(String messageId) {
        return jdbc.query("""
                SELECT message_id, state, dossier_code, document_id, agency_code, destination, seq, next_attempt_at
                FROM message WHERE message_id = ?""", this::toPending, messageId).stream().findFirst();
    }

    /**
     * The earliest message going the same way as this one, accepted before it, still waiting to go: of the same dossier
     * and destination, or, for a message about a document rather than a dossier, of the same document, agency and
     * destination (an incoming document before the status messages about it, status 03 before 06). Chain legs
     * (kind CHAIN_LEG) go to other agencies and hold back no one.
     */
    public Optional<PendingMessage> earlierPending(PendingMessage message) {
        if (message.dossierCode() != null) {
            return jdbc.query("""
                    SELECT message_id, state, dossier_code, document_id, agency_code, destination, seq, next_attempt_at
                    FROM message
                    WHERE dossier_code = ? AND destination = ? AND seq < ? AND state = ? AND kind <> 'CHAIN_LEG'
                    ORDER BY seq FETCH FIRST 1 ROWS ONLY""", this::toPending,
                    message.dossierCode(), message.destination(), message.seq(), MessageState.QUEUED.name())
                    .stream().findFirst();
        }
        if (message.documentId() != null && message.agencyCode() != null) {
            return jdbc.query("""
                    SELECT message_id, state, dossier_code, document_id, agency_code, destination, seq, next_attempt_at
                    FROM message
                    WHERE document_id = ? AND agency_code = ? AND dossier_code IS NULL AND destination = ? AND seq < ?
                      AND state = ?
                    ORDER BY seq FETCH FIRST 1 ROWS ONLY""", this::toPending,
                    message.documentId(), message.agencyCode(), message.destination(), message.seq(),
                    MessageState.QUEUED.name())
                    .stream().findFirst();
        }
        return Optional.empty();
    }

    /** The agency a message is about, if the message exists. */
    public Optional<String> agencyCodeOf(String messageId) {
        return jdbc.query("SELECT agency_code FROM message WHERE message_id = ?", (rs, i) -> rs.getString(1), messageId)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** One message with all its attempts, if it exists. */
    public Optional<MessageView> find(String messageId) {
        List<MessageView> found = jdbc.query("""
                SELECT message_id, kind, direction, dossier_code, document_id, destination, state, accepted_at,
                       delivered_at
                FROM message WHERE message_id = ?""", this::toView, messageId);
        return found.stream().findFirst();
    }

    /** Every message about one dossier, in the order they were accepted. */
    public List<MessageView> findByDossier(String dossierCode) {
        return jdbc.query("""
                SELECT message_id, kind, direction, dossier_code, document_id, destination, state, accepted_at,
                       delivered_at
                FROM message WHERE dossier_code = ? ORDER BY seq""", this::toView, dossierCode);
    }

    /** The event types recorded for a message, oldest first. */
    public List<EventType> eventsOf(String messageId) {
        return jdbc.query("SELECT event FROM message_event WHERE message_id = ? ORDER BY seq",
                (rs, i) -> EventType.valueOf(rs.getString(1)), messageId);
    }

    private MessageView toView(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("message_id");
        return new MessageView(id, rs.getString("kind"), direction(rs.getString("direction")),
                rs.getString("dossier_code"), rs.getString("document_id"),
                rs.getString("destination"), MessageState.valueOf(rs.getString("state")),
                utc(rs.getObject("accepted_at", OffsetDateTime.class)),
                utc(rs.getObject("delivered_at", OffsetDateTime.class)), attemptsOf(id));
    }

    private PendingMessage toPending(ResultSet rs, int row) throws SQLException {
        return new PendingMessage(rs.getString("message_id"), MessageState.valueOf(rs.getString("state")),
                rs.getString("dossier_code"), rs.getString("document_id"), rs.getString("agency_code"),
                rs.getString("destination"), rs.getLong("seq"),
                utc(rs.getObject("next_attempt_at", OffsetDateTime.class)));
    }

    private List<Attempt> attemptsOf(String messageId) {
        return jdbc.query("""
                SELECT attempted_at, outcome, http_status, reason, next_retry_at
                FROM delivery_attempt WHERE message_id = ? ORDER BY attempt_no""",
                (rs, i) -> new Attempt(utc(rs.getObject("attempted_at", OffsetDateTime.class)),
                        AttemptOutcome.valueOf(rs.getString("outcome")),
                        (Integer) rs.getObject("http_status"), rs.getString("reason"),
                        utc(rs.getObject("next_retry_at", OffsetDateTime.class))),
                messageId);
    }

    private void insertAttempt(String messageId, OffsetDateTime at, AttemptOutcome outcome, Integer httpStatus,
                               String reason, OffsetDateTime nextRetryAt) {
        jdbc.update("""
                INSERT INTO delivery_attempt (message_id, attempt_no, attempted_at, outcome, http_status, reason, next_retry_at)
                SELECT ?, COALESCE(MAX(attempt_no), 0) + 1, ?, ?, ?, ?, ? FROM delivery_attempt WHERE message_id = ?""",
                messageId, at, outcome.name(), httpStatus, truncate(reason), nextRetryAt, messageId);
    }

    private void insertEventFor(OffsetDateTime at, EventType event, String messageId, String remoteAddress,
                                String reasonCode, String detail) {
        jdbc.update("""
                INSERT INTO message_event (occurred_at, event, direction, channel, message_id, dossier_code, document_id,
                                           client_id, remote_address, destination, reason_code, detail, payload_sha256)
                SELECT ?, ?, direction, channel, message_id, dossier_code, document_id, client_id, ?, destination, ?, ?,
                       CASE WHEN ? THEN payload_sha256 END
                FROM message WHERE message_id = ?""",
                at, event.name(), truncate(remoteAddress), reasonCode, truncate(detail), event == EventType.RECEIVED,
                messageId);
    }

    private void insertMessage(NewMessage m, MessageState state, String payloadSha256, OffsetDateTime now) {
        PayloadCodec.Stored payload = payloads.encode(m.payload());
        jdbc.update("""
                INSERT INTO message (message_id, kind, direction, channel, dossier_code, document_id, agency_code,
                                     destination, state, client_id, payload_sha256, payload, payload_encoding,
                                     accepted_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                m.messageId(), m.kind(), m.direction().name(), m.channel().name(), m.dossierCode(), m.documentId(),
                m.agencyCode(), m.destination(), state.name(), m.clientId(), payloadSha256, payload.bytes(),
                payload.encoding(), now, now);
    }

    private void insertAdminEvent(OffsetDateTime at, EventType event, String messageId, String adminId,
                                  String remoteAddress, String detail) {
        jdbc.update("""
                INSERT INTO message_event (occurred_at, event, direction, channel, message_id, dossier_code, document_id,
                                           client_id, remote_address, destination, detail)
                SELECT ?, ?, direction, ?, message_id, dossier_code, document_id, ?, ?, destination, ?
                FROM message WHERE message_id = ?""",
                at, event.name(), Channel.ADMIN.name(), adminId, truncate(remoteAddress), truncate(detail), messageId);
    }

    private void insertEvent(OffsetDateTime at, EventType event, Channel channel, String clientId,
                             String remoteAddress, String reasonCode, String detail, String payloadSha256) {
        jdbc.update("""
                INSERT INTO message_event (occurred_at, event, channel, client_id, remote_address, reason_code, detail,
                                           payload_sha256)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                at, event.name(), channel == null ? null : channel.name(), clientId, truncate(remoteAddress),
                reasonCode, truncate(detail), payloadSha256);
    }

    private static String reasonCode(AttemptOutcome outcome, Integer httpStatus) {
        return httpStatus == null ? outcome.name() : outcome.name() + "_" + httpStatus;
    }

    private static String truncate(String text) {
        return truncate(text, MAX_TEXT);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Direction direction(String stored) {
        return stored == null ? null : Direction.valueOf(stored);
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
