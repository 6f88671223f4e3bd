package vn.lienthong.gateway.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a platform simulator received, in arrival order, stored once per idempotency key, with a count of the duplicates it turned away. */
class SimulatorInbox<T> {

    private final List<T> items = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
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

    synchronized Snapshot<T> snapshot() {
        return new Snapshot<>(List.copyOf(items), duplicates);
    }

    synchronized void clear() {
        items.clear();
        keys.clear();
        duplicates = 0;
    }

    /** The inbox at one moment: its items and how many duplicates were turned away. */
    record Snapshot<T>(List<T> items, int duplicates) {
    }
}
