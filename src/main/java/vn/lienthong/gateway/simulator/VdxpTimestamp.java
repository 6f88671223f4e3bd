package vn.lienthong.gateway.simulator;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The axis's {@code timestamp} header, {@code ddMMyyyy'T'HHmmss'+'SSSS} on the Vietnam clock, where the four digits
 * after the plus sign are the milliseconds zero-padded to four digits (the field SDK's SimpleDateFormat pattern).
 */
final class VdxpTimestamp {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern FORMAT = Pattern.compile(
            "([0-9]{2})([0-9]{2})([0-9]{4})T([0-9]{2})([0-9]{2})([0-9]{2})\\+(0[0-9]{3})");

    private VdxpTimestamp() {
    }

    static Optional<Instant> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.of(number(m, 3), number(m, 2), number(m, 1),
                    number(m, 4), number(m, 5), number(m, 6), number(m, 7) * 1_000_000);
            return Optional.of(local.atZone(VIETNAM).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
