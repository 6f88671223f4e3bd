package vn.lienthong.gateway.messagelog;

/** The kinds of event the message log records. */
public enum EventType {
    RECEIVED, REJECTED, QUEUED, ATTEMPT_FAILED, DELIVERED, DEAD_LETTERED
}
