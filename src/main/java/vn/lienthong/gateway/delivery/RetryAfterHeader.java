package vn.lienthong.gateway.delivery;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a platform's {@code Retry-After} (RFC 9110: seconds or an HTTP date); a value that is neither is ignored. */
public final class RetryAfterHeader {

    private RetryAfterHeader() {
    }

    /** How long the response asks the caller to wait, or null when it does not say. */
    public static Duration of(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).map(RetryAfterHeader::parse)
                .orElse(null);
    }

    /** The wait a {@code Retry-After} value asks for; null when the value is neither seconds nor an HTTP date. */
    public static Duration parse(String value) {
        if (value.matches("[0-9]{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Duration until = Duration.between(Instant.now(), ZonedDateTime.parse(value,
                    DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
