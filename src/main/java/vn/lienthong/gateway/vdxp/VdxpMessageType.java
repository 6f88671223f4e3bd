package vn.lienthong.gateway.vdxp;

/** What travels on the axis: a document or a status message about one (header {@code messagetype}). */
public enum VdxpMessageType {
    EDOC("edoc"),
    STATUS("status");

    private final String header;

    VdxpMessageType(String header) {
        this.header = header;
    }

    /** The value of the {@code messagetype} header. */
    public String header() {
        return header;
    }

    /** The type a {@code messageType} field of the adapter names, or null when it names none. */
    public static VdxpMessageType fromHeader(String value) {
        for (VdxpMessageType type : values()) {
            if (type.header.equals(value)) {
                return type;
            }
        }
        return null;
    }
}
