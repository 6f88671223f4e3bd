package vn.lienthong.gateway.messagelog;

/** Which way a message goes: from a local system to a national platform, or from a platform to a local system. */
public enum Direction {
    OUTBOUND, INBOUND
}
