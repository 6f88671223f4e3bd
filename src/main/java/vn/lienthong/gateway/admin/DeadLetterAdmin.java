package vn.lienthong.gateway.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException.Violation;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.ingress.ClientIdentity;
import vn.lienthong.gateway.ingress.PathParameters;
import vn.lienthong.gateway.ingress.QueryParameters;
import vn.lienthong.gateway.messagelog.MessageState;
import vn.lienthong.gateway.messagelog.MessageStore;
import vn.lienthong.gateway.messagelog.MessageView;
import vn.lienthong.gateway.messagelog.StoredMessage;

/**
 * Answers the administrator's dead-letter calls (list, inspect, replay one or a range, discard), recording each one in
 * the message log with the administrator who made it.
 */
@Component("deadLetterAdmin")
public class DeadLetterAdmin {

    static final int MAX_REASON_LENGTH = 1000;

    private final MessageStore store;
    private final DeadLetterQueue queue;
    private final ObjectMapper json;

    DeadLetterAdmin(MessageStore store, DeadLetterQueue queue, ObjectMapper json) {
        this.store = store;
        this.queue = queue;
        this.json = json;
    }

    /** {@code GET /admin/dead-letters}: the dead letters of a destination and time range, oldest first, one page. */
    public void list(Exchange exchange) {
        DeadLetterCriteria criteria = DeadLetterCriteria.of(QueryParameters.of(exchange), false, DeadLetterCriteria.DEFAULT_LIMIT);
        List<DeadLetterView> found = store.deadLetters(criteria.destination(), criteria.from(), criteria.to(),
                        criteria.limit(), criteria.offset()).stream()
                .map(m -> new DeadLetterView(m, store.deadLetteredAt(m.messageId()).orElse(null), null))
                .toList();
        Admin admin = Admin.of(exchange);
        store.recordAdminAction(admin.id(), admin.address(),
                "listed dead letters " + criteria.describe() + ": " + found.size() + " found");
        exchange.getIn().setBody(new DeadLetterList(found, criteria.limit(), criteria.offset()));
    }

    /** {@code GET /admin/dead-letters/{messageId}}: one message that was dead-lettered, with attempts and payload. */
    public void inspect(Exchange exchange) {
        String messageId = PathParameters.messageId(exchange);
        MessageView message = store.find(messageId).orElseThrow(notFound());
        OffsetDateTime deadLetteredAt = store.deadLetteredAt(messageId).orElseThrow(notFound());
        StoredMessage stored = store.stored(messageId).orElseThrow(notFound());
        Admin admin = Admin.of(exchange);
        store.recordAdminAction(admin.id(), admin.address(), "inspected dead letter " + messageId);
        exchange.getIn().setBody(new DeadLetterView(message, deadLetteredAt, payload(stored.payload())));
    }

    /** {@code POST /admin/dead-letters/{messageId}/replay}: puts one dead-lettered message back on its queue. */
    public void replay(Exchange exchange) {
        String messageId = PathParameters.messageId(exchange);
        StoredMessage message = store.stored(messageId).orElseThrow(notFound());
        if (message.state() != MessageState.DEAD_LETTERED) {
            throw notDeadLettered();
        }
        exchange.getIn().setBody(replay(message, Admin.of(exchange)).orElseThrow(DeadLetterAdmin::notDeadLettered));
    }

    /** {@code POST /admin/dead-letters/replay}: replays the dead letters of a destination and time range, oldest first. */
    public void replayRange(Exchange exchange) {
        DeadLetterCriteria criteria = DeadLetterCriteria.of(QueryParameters.of(exchange), true, DeadLetterCriteria.MAX_LIMIT);
        Admin admin = Admin.of(exchange);
        List<String> replayed = new ArrayList<>();
        try {
            for (MessageView found : store.deadLetters(criteria.destination(), criteria.from(), criteria.to(),
                    criteria.limit(), 0)) {
                store.stored(found.messageId()).filter(m -> m.state() == MessageState.DEAD_LETTERED)
                        .flatMap(m -> replay(m, admin)).ifPresent(r -> replayed.add(r.messageId()));
            }
        } finally {
            store.recordAdminAction(admin.id(), admin.address(),
                    "replayed dead letters " + criteria.describe() + ": " + replayed.size() + " replayed");
        }
        exchange.getIn().setBody(new ReplayedRange(replayed, replayed.size()));
    }

    /** {@code DELETE /admin/dead-letters/{messageId}?reason=}: discards a dead-lettered message for good. */
    public void discard(Exchange exchange) {
        String messageId = PathParameters.messageId(exchange);
        String reason = reason(QueryParameters.of(exchange));
        StoredMessage message = store.stored(messageId).orElseThrow(notFound());
        if (message.state() != MessageState.DEAD_LETTERED) {
            throw notDeadLettered();
        }
        Admin admin = Admin.of(exchange);
        if (!queue.discard(message, () -> store.markDiscarded(messageId, admin.id(), admin.address(), reason))) {
            throw notDeadLettered();
        }
        exchange.getIn().setBody(new Discarded(messageId, MessageState.DISCARDED));
    }

    /**
     * Store first, then the queue: marking the message QUEUED (with its REPLAYED event) is the claim, so a concurrent
     * replay or discard cannot act on it too, and the worker that delivers the new copy finds it already QUEUED. If
     * the queue then fails, the message goes back to DEAD_LETTERED. Empty when someone else claimed it first.
     */
    private Optional<Replayed> replay(StoredMessage message, Admin admin) {
        if (!store.markReplayed(message.messageId(), admin.id(), admin.address())) {
            return Optional.empty();
        }
        try {
            queue.requeue(message);
        } catch (RuntimeException e) {
            store.revertReplay(message.messageId(), admin.id(), admin.address(), e.getClass().getSimpleName());
            throw new GatewayException(ErrorCode.SERVICE_UNAVAILABLE,
                    "The message could not be put back on its queue; it stays dead-lettered.", List.of(), e);
        }
        return Optional.of(new Replayed(message.messageId(), MessageState.QUEUED, true));
    }

    private JsonNode payload(byte[] payload) {
        try {
            return json.readTree(payload);
        } catch (IOException e) {
            return TextNode.valueOf(new String(payload, StandardCharsets.UTF_8));
        }
    }

    private static String reason(Map<String, String> query) {
        String reason = query.get("reason");
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw new GatewayException(ErrorCode.REASON_REQUIRED,
                    "Say why the message is discarded in the reason query parameter (at most 1000 characters).",
                    List.of(new Violation("reason", "must be 1 to 1000 characters, not only spaces")));
        }
        return reason.strip();
    }

    private static Supplier<GatewayException> notFound() {
        return () -> new GatewayException(ErrorCode.NOT_FOUND, "No dead-lettered message with this id.");
    }

    private static GatewayException notDeadLettered() {
        return new GatewayException(ErrorCode.MESSAGE_NOT_DEAD_LETTERED,
                "The message is not dead-lettered; only a dead-lettered message can be replayed or discarded.");
    }

    /** The administrator making the call, and from where. */
    private record Admin(String id, String address) {
        static Admin of(Exchange exchange) {
            ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
            if (client == null || !client.hasRole(ClientIdentity.ROLE_ADMIN)) {
                throw new GatewayException(ErrorCode.FORBIDDEN, "This call needs an administrator's credential.");
            }
            return new Admin(client.id(), exchange.getProperty(ExchangeKeys.REMOTE_ADDRESS, String.class));
        }
    }

    /** The answer to a listing. */
    public record DeadLetterList(List<DeadLetterView> deadLetters, int limit, int offset) {
    }

    /** The answer to replaying one message. */
    public record Replayed(String messageId, MessageState state, boolean replayed) {
    }

    /** The answer to replaying a range: the ids replayed, oldest first. */
    public record ReplayedRange(List<String> replayed, int count) {
    }

    /** The answer to discarding a message. */
    public record Discarded(String messageId, MessageState state) {
    }
}
