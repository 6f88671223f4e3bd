package vn.lienthong.gateway.messagelog;

/** Where a message is on its way from acceptance to the platform. */
public enum MessageState {
    /** Stored, not yet confirmed on the queue. */
    RECEIVED,
    /** On the durable queue, waiting for (another) delivery attempt. */
    QUEUED,
    /** The platform confirmed it. */
    DELIVERED,
    /** Refused by the platform or out of attempts; in the dead-letter queue until replayed or discarded. */
    DEAD_LETTERED,
    /** Taken out of the dead-letter queue by an administrator, with a reason. */
    DISCARDED,
    /** The queue could not take it; the client was answered 503 and must send it again. */
    REFUSED;

    /** Whether nothing more will be sent for a message in this state. */
    public boolean finished() {
        return this == DELIVERED || this == DISCARDED || this == REFUSED;
    }
}
