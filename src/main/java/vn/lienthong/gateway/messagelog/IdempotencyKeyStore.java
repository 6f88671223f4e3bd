package vn.lienthong.gateway.messagelog;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks up and forgets the idempotency keys stored with accepted messages; expired keys are purged hourly. */
@Component
public class IdempotencyKeyStore {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeyStore.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotencyKeyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The unexpired use of a client's key, with the state its message is in now; a use whose window has passed is
     * forgotten on the way (one statement when the key is new or current, the usual cases).
     */
    public Optional<KnownKey> find(String clientId, String key) {
        OffsetDateTime now = now();
        List<Optional<KnownKey>> found = jdbc.query("""
                SELECT k.request_sha256, k.message_id, k.response, m.state, m.accepted_at, k.expires_at
                FROM idempotency_key k JOIN message m ON m.message_id = k.message_id
                WHERE k.client_id = ? AND k.idempotency_key = ?""",
                (rs, i) -> rs.getObject(6, OffsetDateTime.class).isAfter(now)
                        ? Optional.of(new KnownKey(rs.getString(1), rs.getString(2), rs.getString(3),
                                MessageState.valueOf(rs.getString(4)), rs.getObject(5, OffsetDateTime.class)))
                        : Optional.empty(),
                clientId, key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.get(0).isEmpty()) {
            forgetIfExpired(clientId, key);
        }
        return found.get(0);
    }

    /** Forgets a client's key, so that the next request with it counts as new. */
    public void forget(String clientId, String key) {
        jdbc.update("DELETE FROM idempotency_key WHERE client_id = ? AND idempotency_key = ?", clientId, key);
    }

    /** Forgets a client's key if its window has passed. */
    public void forgetIfExpired(String clientId, String key) {
        jdbc.update("DELETE FROM idempotency_key WHERE client_id = ? AND idempotency_key = ? AND expires_at <= ?",
                clientId, key, now());
    }

    /** Deletes every key whose window has passed. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public void purgeExpired() {
        int purged = jdbc.update("DELETE FROM idempotency_key WHERE expires_at <= ?", now());
        if (purged > 0) {
            LOG.info("Purged {} expired idempotency keys", purged);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** A key already used: the request it came with, the answer given, and the state of its message now. */
    public record KnownKey(String requestSha256, String messageId, String response, MessageState state,
                           OffsetDateTime acceptedAt) {
    }
}
