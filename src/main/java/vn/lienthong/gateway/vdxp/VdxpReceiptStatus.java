package vn.lienthong.gateway.vdxp;

/** How a receiving system confirms an item it took from the axis ({@code updateStatus}). */
public enum VdxpReceiptStatus {
    DONE("done"),
    FAIL("fail");

    private final String header;

    VdxpReceiptStatus(String header) {
        this.header = header;
    }

    /** The value of the {@code status} header. */
    public String header() {
        return header;
    }
}
