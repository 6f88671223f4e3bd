package vn.lienthong.gateway.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.gateway.simulator.EdxmlFacts.MessageType;

/**
 * The axis's store: every message it accepted once (deduplicated by sender and document id), one delivery per
 * recipient organ in that organ's inbox, each moving sent → received (getEdoc) → done or fail (updateStatus). The
 * edXML bytes are kept until every recipient has confirmed; past the size limit new messages are refused, not lost.
 */
final class VdxpAxis {

    static final int MAX_ITEMS = 100_000;
    static final int MAX_LISTED = 500;

    /** A recipient's state, with the code and description the adapter answers. */
    enum ReceiveState {
        SENT("sent", "Chờ nhận"), RECEIVED("received", "Đã tải về"), DONE("done", "Đã nhận thành công"),
        FAIL("fail", "Nhận thất bại");

        private final String code;
        private final String description;

        ReceiveState(String code, String description) {
            this.code = code;
            this.description = description;
        }

        String code() {
            return code;
        }

        boolean isFinal() {
            return this == DONE || this == FAIL;
        }
    }

    /** What {@link #accept} did: the sender doc id, one receiver doc id per recipient, and whether it was a duplicate. */
    record Accepted(String senderDocId, List<String> receiverDocIds, boolean duplicate) {
    }

    /** Where a message came from: a system's sendEdoc, or a placement in an organ's inbox by hand. */
    record Origin(String systemId, boolean placed) {
    }

    private static final class Item {
        final String senderDocId;
        final Origin origin;
        final EdxmlFacts facts;
        final String sha256;
        final long size;
        final Instant sentAt;
        final EdxmlSignatureCheck.Outcome signature;
        final List<Delivery> deliveries = new ArrayList<>();
        byte[] edxml;
        int duplicates;

        Item(String senderDocId, Origin origin, EdxmlFacts facts, byte[] edxml, String sha256, Instant sentAt,
             EdxmlSignatureCheck.Outcome signature) {
            this.senderDocId = senderDocId;
            this.origin = origin;
            this.facts = facts;
            this.edxml = edxml;
            this.sha256 = sha256;
            this.size = edxml.length;
            this.sentAt = sentAt;
            this.signature = signature;
        }
    }

    private static final class Delivery {
        final String receiverDocId;
        final Item item;
        final String to;
        final Instant createdAt;
        ReceiveState state = ReceiveState.SENT;
        Instant updatedAt;
        Instant receivedAt;

        Delivery(String receiverDocId, Item item, String to, Instant createdAt) {
            this.receiverDocId = receiverDocId;
            this.item = item;
            this.to = to;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }
    }

    private final Clock clock;
    private final long maxRetainedBytes;
    private final Map<String, Item> items = new LinkedHashMap<>();
    private final Map<String, Delivery> deliveries = new HashMap<>();
    private final Map<String, Item> byKey = new HashMap<>();
    private long retainedBytes;
    private int duplicates;

    VdxpAxis(Clock clock, long maxRetainedBytes) {
        this.clock = clock;
        this.maxRetainedBytes = maxRetainedBytes;
    }

    /**
     * Takes a message for the recipients once per deduplication key: a repeat is counted and answered with the
     * first acceptance; a new message that does not fit the store is refused (901) so that the sender retries.
     */
    synchronized Accepted accept(String deduplicationKey, Origin origin, EdxmlFacts facts, List<String> recipients,
                                 byte[] edxml, String sha256, EdxmlSignatureCheck.Outcome signature) {
        Item first = byKey.get(deduplicationKey);
        if (first != null) {
            first.duplicates++;
            duplicates++;
            return new Accepted(first.senderDocId,
                    first.deliveries.stream().map(d -> d.receiverDocId).toList(), true);
        }
        if (items.size() >= MAX_ITEMS || retainedBytes + edxml.length > maxRetainedBytes) {
            throw new VdxpRefusal(VdxpError.STORE_FULL, "clear it with DELETE /sim/vdxp/received");
        }
        Instant now = clock.instant();
        Item item = new Item(UUID.randomUUID().toString(), origin, facts, edxml, sha256, now, signature);
        for (String organ : recipients) {
            Delivery delivery = new Delivery(UUID.randomUUID().toString(), item, organ, now);
            item.deliveries.add(delivery);
            deliveries.put(delivery.receiverDocId, delivery);
        }
        items.put(item.senderDocId, item);
        byKey.put(deduplicationKey, item);
        retainedBytes += item.size;
        return new Accepted(item.senderDocId, item.deliveries.stream().map(d -> d.receiverDocId).toList(), false);
    }

    /** The items waiting (not yet confirmed) in the inboxes of these organs, of one message type, oldest first. */
    synchronized ArrayNode pending(Set<String> organs, MessageType type) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        deliveries.values().stream()
                .filter(d -> organs.contains(d.to) && d.item.facts.type() == type && !d.state.isFinal())
                .sorted(Comparator.comparing((Delivery d) -> d.createdAt).thenComparing(d -> d.receiverDocId))
                .limit(MAX_LISTED)
                .forEach(d -> {
                    ObjectNode entry = list.addObject();
                    entry.put("docId", d.receiverDocId);
                    entry.put("serviceType", "eDoc");
                    entry.put("messageType", type.header());
                    entry.put("from", d.item.facts.from());
                    entry.put("to", d.to);
                    entry.put("created_time", time(d.createdAt));
                    entry.put("updated_time", time(d.updatedAt));
                    entry.put("status", d.state.code());
                    entry.put("status_desc", d.state.description);
                });
        return list;
    }

    /** The edXML of an item addressed to one of these organs, marking it received. */
    synchronized byte[] fetch(String receiverDocId, Set<String> organs) {
        Delivery delivery = addressed(receiverDocId, organs);
        if (delivery.item.edxml == null) {
            throw new VdxpRefusal(VdxpError.STATUS_TRANSITION, "the item was confirmed already, its edXML is gone");
        }
        if (delivery.state == ReceiveState.SENT) {
            Instant now = clock.instant();
            delivery.state = ReceiveState.RECEIVED;
            delivery.receivedAt = now;
            delivery.updatedAt = now;
        }
        return delivery.item.edxml;
    }

    /** Confirms an item (done only after getEdoc; the same final state again is accepted; another is refused). */
    synchronized void confirm(String receiverDocId, Set<String> organs, ReceiveState target) {
        Delivery delivery = addressed(receiverDocId, organs);
        if (delivery.state == target) {
            return;
        }
        if (delivery.state.isFinal()) {
            throw new VdxpRefusal(VdxpError.STATUS_TRANSITION, "the item is " + delivery.state.code() + " already");
        }
        if (target == ReceiveState.DONE && delivery.state != ReceiveState.RECEIVED) {
            throw new VdxpRefusal(VdxpError.STATUS_TRANSITION, "done needs getEdoc first");
        }
        delivery.state = target;
        delivery.updatedAt = clock.instant();
        Item item = delivery.item;
        if (item.edxml != null && item.deliveries.stream().allMatch(d -> d.state.isFinal())) {
            retainedBytes -= item.size;
            item.edxml = null;
        }
    }

    /** One entry per (sent item, recipient) of these sender organs, newest first, narrowed by type and sender doc id. */
    synchronized ArrayNode sent(Set<String> senders, MessageType type, String senderDocId) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        List<Item> newestFirst = new ArrayList<>(items.values());
        Collections.reverse(newestFirst);
        newestFirst.stream()
                .filter(i -> !i.origin.placed() && senders.contains(i.facts.from()))
                .filter(i -> type == null || i.facts.type() == type)
                .filter(i -> senderDocId == null || i.senderDocId.equals(senderDocId))
                .flatMap(i -> i.deliveries.stream())
                .limit(MAX_LISTED)
                .forEach(d -> {
                    ObjectNode entry = list.addObject();
                    entry.put("senderDocId", d.item.senderDocId);
                    entry.put("receiverDocId", d.receiverDocId);
                    entry.put("fromCode", d.item.facts.from());
                    entry.put("toCode", d.to);
                    entry.put("serviceType", "eDoc");
                    entry.put("messageType", d.item.facts.type().header());
                    entry.put("title", d.item.facts.title());
                    entry.put("notation", d.item.facts.notation());
                    entry.put("sentTime", time(d.item.sentAt));
                    entry.put("receivedTime", d.receivedAt == null ? null : time(d.receivedAt));
                    entry.put("sendStatus", "done");
                    entry.put("sendStatusDesc", "Đã gửi lên trục");
                    entry.put("receiveStatus", d.state.code());
                    entry.put("receiveStatusDesc", d.state.description);
                });
        return list;
    }

    /** Everything accepted, newest first (at most {@code limit}), with per-recipient states, for the sandbox's /received. */
    synchronized ObjectNode received(String organId, int limit) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        List<Item> newestFirst = new ArrayList<>(items.values());
        Collections.reverse(newestFirst);
        newestFirst.stream()
                .filter(i -> organId == null || i.facts.from().equals(organId)
                        || i.deliveries.stream().anyMatch(d -> d.to.equals(organId)))
                .limit(limit)
                .forEach(i -> list.add(describe(i)));
        answer.put("count", items.size());
        answer.put("duplicates", duplicates);
        answer.put("retainedBytes", retainedBytes);
        answer.set("items", list);
        return answer;
    }

    synchronized void clear() {
        items.clear();
        deliveries.clear();
        byKey.clear();
        retainedBytes = 0;
        duplicates = 0;
    }

    private Delivery addressed(String receiverDocId, Set<String> organs) {
        Delivery delivery = deliveries.get(receiverDocId);
        if (delivery == null || !organs.contains(delivery.to)) {
            throw new VdxpRefusal(VdxpError.DOCUMENT_UNKNOWN, "");
        }
        return delivery;
    }

    private static ObjectNode describe(Item item) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("senderDocId", item.senderDocId);
        json.put("origin", item.origin.placed() ? "inbox" : "sendEdoc");
        json.put("systemId", item.origin.systemId());
        json.put("messageType", item.facts.type().header());
        json.put("from", item.facts.from());
        json.put("documentId", item.facts.documentId());
        if (item.facts.statusCode() != null) {
            json.put("statusCode", item.facts.statusCode());
        }
        json.put("title", item.facts.title());
        json.put("notation", item.facts.notation());
        json.put("sha256", item.sha256);
        json.put("size", item.size);
        json.put("sentTime", time(item.sentAt));
        json.put("signature", item.signature.valid() ? "VALID" : "NOT_VALID");
        if (item.signature.valid()) {
            json.put("signer", item.signature.signer());
        } else {
            json.put("signatureProblem", item.signature.problem());
        }
        json.put("duplicates", item.duplicates);
        ArrayNode recipients = json.putArray("deliveries");
        for (Delivery d : item.deliveries) {
            ObjectNode entry = recipients.addObject();
            entry.put("receiverDocId", d.receiverDocId);
            entry.put("to", d.to);
            entry.put("receiveStatus", d.state.code());
            entry.put("receivedTime", d.receivedAt == null ? null : time(d.receivedAt));
            entry.put("updatedTime", time(d.updatedAt));
        }
        return json;
    }

    private static String time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, VdxpTimestamp.VIETNAM).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
