package vn.lienthong.gateway.chain;

import java.util.List;

/** The state of a whole chain, derived from its legs' states. */
public enum ChainState {
    /** Some leg is still pending or delivered and not yet acknowledged; none failed. */
    IN_PROGRESS,
    /** Every leg was acknowledged by its agency. */
    COMPLETED,
    /** A leg is dead-lettered and not replayed (its administrator must fix and replay it). */
    FAILED,
    /** No leg failed, but an administrator discarded one: the chain will never complete. */
    ABANDONED;

    /** The chain's state from its legs' states. */
    public static ChainState of(List<LegState> legs) {
        if (legs.contains(LegState.FAILED)) {
            return FAILED;
        }
        if (legs.contains(LegState.DISCARDED)) {
            return ABANDONED;
        }
        return legs.stream().allMatch(s -> s == LegState.ACKNOWLEDGED) ? COMPLETED : IN_PROGRESS;
    }
}
