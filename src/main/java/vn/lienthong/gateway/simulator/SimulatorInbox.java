package vn.lienthong.gateway.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a platform simulator received, in arrival order, stored once per idempotency key, with a count of the duplicates it turned away. */
class SimulatorInbox<T> {

    private final List<T> items = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private final Map<String, T> firstByKey = new HashMap<>();
    private int duplicates;

    /** Stores the items and answers true, unless the key was stored before (then counts a duplicate); a null key never repeats. */
    synchronized boolean accept(String idempotencyKey, List<T> received) {
        if (idempotencyKey != null && !keys.add(idempotencyKey)) {
            duplicates++;
            return false;
        }
        items.addAll(received);
        return true;
    }

    /**
     * Stores the item under its key and answers empty; or, when the key was stored before, counts a duplicate and
     * answers the item first stored under it, so that a repeat gets the first answer again.
     */
    synchronized Optional<T> acceptOnce(String idempotencyKey, T item) {
        T first = firstByKey.putIfAbsent(idempotencyKey, item);
        if (first != null) {
            duplicates++;
            return Optional.of(first);
        }
        keys.add(idempotencyKey);
        items.add(item);
        return Optional.empty();
    }

    synchronized Snapshot<T> snapshot() {
        return new Snapshot<>(List.copyOf(items), duplicates);
    }

    synchronized void clear() {
        items.clear();
        keys.clear();
        firstByKey.clear();
        duplicates = 0;
    }

    /** The inbox at one moment: its items and how many duplicates were turned away. */
    record Snapshot<T>(List<T> items, int duplicates) {

        /**
         * The answer of a simulator's {@code GET …/received}: {@code count} and {@code records} of the items kept,
         * each as {@code toJson} writes it, and {@code duplicates}.
         */
        ObjectNode listing(Predicate<T> keep, Function<T, JsonNode> toJson) {
            ArrayNode records = JsonNodeFactory.instance.arrayNode();
            items.stream().filter(keep).forEach(item -> records.add(toJson.apply(item)));
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.put("count", records.size());
            answer.put("duplicates", duplicates);
            answer.set("records", records);
            return answer;
        }
    }
}
