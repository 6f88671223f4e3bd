package vn.lienthong.gateway.vdxp;

/** The operations of the VDXP adapter, named as in their paths and in the HMAC canonical string. */
public enum VdxpOperation {
    SEND_EDOC("sendEdoc"),
    GET_RECEIVED_EDOC_LIST("getReceivedEdocList"),
    GET_EDOC("getEdoc"),
    UPDATE_STATUS("updateStatus"),
    GET_SENT_EDOC_LIST("getSentEdocList");

    private final String path;

    VdxpOperation(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
