package vn.lienthong.gateway.messagelog;

/** How one delivery attempt ended. */
public enum AttemptOutcome {
    DELIVERED, TRANSIENT_FAILURE, PERMANENT_FAILURE
}
