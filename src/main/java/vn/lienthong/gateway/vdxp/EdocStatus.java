package vn.lienthong.gateway.vdxp;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A status message: which document it is about ({@link ResponseFor}), the organ that reports, the person (may be
 * null), the status, a description (may be null) and when, in Viet Nam's local time.
 */
public record EdocStatus(Organ from, ResponseFor responseFor, StaffInfo staff, StatusCode statusCode,
                         String description, LocalDateTime timestamp) implements EdxmlMessage {

    public EdocStatus {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(responseFor, "responseFor");
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
