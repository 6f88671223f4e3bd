package vn.lienthong.gateway.simulator;

import org.springframework.http.HttpStatus;

/** The VDXP simulator's error codes (docs/vdxp-adapter.md): the {@code ErrorCode} of the reply, its HTTP status and description. */
enum VdxpError {

    SYSTEM_UNKNOWN("101", HttpStatus.UNAUTHORIZED, "Hệ thống không xác định (systemid)"),
    HMAC_INVALID("102", HttpStatus.UNAUTHORIZED, "Chữ ký tiêu đề (hash-header) không hợp lệ"),
    TIMESTAMP_INVALID("103", HttpStatus.UNAUTHORIZED, "Thời điểm gọi (timestamp) không hợp lệ"),
    HEADER_INVALID("104", HttpStatus.BAD_REQUEST, "Tiêu đề không hợp lệ"),
    ORGAN_NOT_ALLOWED("105", HttpStatus.FORBIDDEN, "Đơn vị gửi không thuộc hệ thống"),
    BODY_HASH_MISMATCH("106", HttpStatus.BAD_REQUEST, "hash-file không khớp nội dung"),
    EDXML_INVALID("201", HttpStatus.BAD_REQUEST, "Gói tin edXML không hợp lệ"),
    EDXML_SIGNATURE_INVALID("202", HttpStatus.UNPROCESSABLE_ENTITY, "Chữ ký số của gói tin không hợp lệ"),
    EDXML_HEADER_MISMATCH("203", HttpStatus.BAD_REQUEST, "Tiêu đề không khớp gói tin edXML"),
    TOO_LARGE("204", HttpStatus.PAYLOAD_TOO_LARGE, "Gói tin quá lớn"),
    DOCUMENT_UNKNOWN("301", HttpStatus.NOT_FOUND, "Không tìm thấy văn bản"),
    STATUS_TRANSITION("302", HttpStatus.CONFLICT, "Không được chuyển sang trạng thái này"),
    STORE_FULL("901", HttpStatus.SERVICE_UNAVAILABLE, "Kho của trục mô phỏng đã đầy");

    private final String code;
    private final HttpStatus status;
    private final String description;

    VdxpError(String code, HttpStatus status, String description) {
        this.code = code;
        this.status = status;
        this.description = description;
    }

    String code() {
        return code;
    }

    HttpStatus status() {
        return status;
    }

    String description() {
        return description;
    }
}
