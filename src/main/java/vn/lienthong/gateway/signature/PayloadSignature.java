package vn.lienthong.gateway.signature;

/**
 * How a destination wants the request bodies the gateway sends it signed ({@code lienthong.<destination>.payload-signature}):
 * not at all, or with a detached CMS signature of the exact body bytes by the gateway key.
 */
public enum PayloadSignature {
    NONE,
    CMS_DETACHED
}
