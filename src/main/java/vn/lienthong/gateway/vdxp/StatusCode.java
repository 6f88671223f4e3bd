package vn.lienthong.gateway.vdxp;

import java.util.Arrays;
import java.util.Optional;

/** The status codes of edXML status messages, two digits on the wire, with what they mean. */
public enum StatusCode {
    ARRIVED("01", "arrived at the receiving system", "Đã đến"),
    REJECTED("02", "rejected by the receiver", "Từ chối tiếp nhận"),
    RECEIVED("03", "received (registered) by the receiver", "Đã tiếp nhận"),
    ASSIGNED("04", "assigned to someone to handle", "Phân công"),
    PROCESSING("05", "being processed", "Đang xử lý"),
    DONE("06", "processing done", "Hoàn thành"),
    RECALL("13", "the sender asks to recall or update the document", "Lấy lại văn bản"),
    RECALL_ACCEPTED("15", "the receiver accepts the recall or update", "Đồng ý lấy lại, cập nhật"),
    RECALL_REFUSED("16", "the receiver refuses the recall or update", "Từ chối lấy lại, cập nhật");

    private final String code;
    private final String meaning;
    private final String vietnamese;

    StatusCode(String code, String meaning, String vietnamese) {
        this.code = code;
        this.meaning = meaning;
        this.vietnamese = vietnamese;
    }

    /** The two digits edXML carries. */
    public String code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public String vietnamese() {
        return vietnamese;
    }

    /** The status of a code, also when a sender dropped its leading zero ("5"). */
    public static Optional<StatusCode> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String value = code.strip();
        String twoDigits = value.length() == 1 ? "0" + value : value;
        return Arrays.stream(values()).filter(s -> s.code.equals(twoDigits)).findFirst();
    }
}
