package vn.lienthong.gateway.messagelog;

/** The kinds of event the message log records. */
public enum EventType {
    RECEIVED, REJECTED, REFUSED, QUEUED, ATTEMPT_FAILED, DELIVERED, DEAD_LETTERED, REPLAYED, DISCARDED, ADMIN_ACTION,
    AUDIT_ACTION, CONFIGURATION_LOADED, SIGNATURE_VERIFIED, ACKNOWLEDGED
}
