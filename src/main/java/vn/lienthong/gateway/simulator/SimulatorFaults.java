package vn.lienthong.gateway.simulator;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Faults a platform simulator injects into its service calls: the next N calls fail with a chosen status, and every reply may be delayed. */
class SimulatorFaults {

    static final int DEFAULT_STATUS = 503;

    private final AtomicReference<State> state = new AtomicReference<>(State.NONE);

    /** The current faults: calls still to fail, with which status and Retry-After, and the delay added to every reply. */
    record State(int failNext, int status, Integer retryAfterSeconds, long delayMs) {

        static final State NONE = new State(0, DEFAULT_STATUS, null, 0);

        ObjectNode toJson() {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("failNext", failNext);
            json.put("status", status);
            if (retryAfterSeconds == null) {
                json.putNull("retryAfterSeconds");
            } else {
                json.put("retryAfterSeconds", retryAfterSeconds);
            }
            json.put("delayMs", delayMs);
            return json;
        }
    }

    /**
     * A change posted to {@code /sim/{platform}/faults}; null fields leave their setting alone, except that a new
     * {@code failNext} brings its own status (default 503) and Retry-After (default none). Reset applies first.
     */
    record Change(Integer failNext, Integer status, Integer retryAfterSeconds, Integer delayMs, boolean reset) {

        static Change read(JsonNode body, List<SimulatorViolation> problems) {
            return new Change(
                    integer(body, "failNext", 0, 1_000_000, problems),
                    integer(body, "status", 200, 599, problems),
                    integer(body, "retryAfterSeconds", 0, 86_400, problems),
                    integer(body, "delayMs", 0, 600_000, problems),
                    flag(body, "reset", problems));
        }

        private State applyTo(State current) {
            State base = reset ? State.NONE : current;
            int nextFailNext = failNext != null ? failNext : base.failNext();
            int nextStatus = status != null ? status : failNext != null ? DEFAULT_STATUS : base.status();
            Integer nextRetryAfter = retryAfterSeconds != null || failNext != null ? retryAfterSeconds : base.retryAfterSeconds();
            long nextDelay = delayMs != null ? delayMs : base.delayMs();
            return new State(nextFailNext, nextStatus, nextRetryAfter, nextDelay);
        }
    }

    State apply(Change change) {
        return state.updateAndGet(change::applyTo);
    }

    State current() {
        return state.get();
    }

    /** Takes one of the pending failures, if any are left; safe when several callers race for the last one. */
    Optional<State> takeFailure() {
        State before = state.getAndUpdate(s -> s.failNext() > 0
                ? new State(s.failNext() - 1, s.status(), s.retryAfterSeconds(), s.delayMs()) : s);
        return before.failNext() > 0 ? Optional.of(before) : Optional.empty();
    }

    /** Holds the calling request for the configured delay, as a slow platform would. */
    void delayReply() {
        long delayMs = state.get().delayMs();
        if (delayMs <= 0) {
            return;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(delayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean flag(JsonNode body, String name, List<SimulatorViolation> problems) {
        JsonNode value = body.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            problems.add(SimulatorViolation.of("/" + name, "must be a boolean"));
            return false;
        }
        return value.booleanValue();
    }

    static Integer integer(JsonNode body, String name, int min, int max, List<SimulatorViolation> problems) {
        JsonNode value = body.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            problems.add(SimulatorViolation.of("/" + name, "must be an integer from " + min + " to " + max));
            return null;
        }
        return value.intValue();
    }
}
