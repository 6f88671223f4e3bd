package vn.lienthong.gateway.vdxp;

import java.util.Arrays;
import java.util.Optional;

/** What a document does to earlier ones ({@code BussinessDocType} of the trace): new, revoke, update or replace. */
public enum BusinessDocType {
    NEW(0, "Văn bản mới"),
    REVOKE(1, "Thu hồi văn bản"),
    UPDATE(2, "Cập nhật văn bản"),
    REPLACE(3, "Thay thế văn bản");

    private final int code;
    private final String vietnamese;

    BusinessDocType(int code, String vietnamese) {
        this.code = code;
        this.vietnamese = vietnamese;
    }

    /** The number edXML carries. */
    public int code() {
        return code;
    }

    /** The usual Vietnamese wording, as senders put it in {@code BussinessDocReason}. */
    public String vietnamese() {
        return vietnamese;
    }

    public static Optional<BusinessDocType> ofCode(int code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
    }
}
