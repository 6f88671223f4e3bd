package vn.lienthong.gateway.vdxp;

/** Filters of {@code getSentEdocList}, each optional (null): one sending organ, one message type, one sent item. */
public record VdxpSentQuery(String from, VdxpMessageType messageType, String senderDocId) {

    /** Every item sent by this system's organs. */
    public static VdxpSentQuery all() {
        return new VdxpSentQuery(null, null, null);
    }

    /** The recipients of one sent item. */
    public static VdxpSentQuery item(String senderDocId) {
        return new VdxpSentQuery(null, null, senderDocId);
    }
}
