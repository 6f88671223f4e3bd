package vn.lienthong.gateway.messagelog;

/** Where a message is on its way from acceptance to the platform. */
public enum MessageState {
    RECEIVED, QUEUED, DELIVERED, DEAD_LETTERED
}
