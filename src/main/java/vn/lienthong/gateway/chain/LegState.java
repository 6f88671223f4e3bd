package vn.lienthong.gateway.chain;

/** Where one leg of a chain is: waiting to go, accepted by LGSP, confirmed by its agency, dead-lettered, discarded. */
public enum LegState {
    PENDING, DELIVERED, ACKNOWLEDGED, FAILED, DISCARDED
}
