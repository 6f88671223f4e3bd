package vn.lienthong.gateway.signature;

import java.time.Instant;

/**
 * What checking an RFC 3161 timestamp token found: valid, with the time the authority vouched for and who it is, or
 * invalid, with why.
 */
public record TimestampVerdict(boolean valid, String problem, Instant time, String authority) {

    static TimestampVerdict valid(Instant time, String authority) {
        return new TimestampVerdict(true, null, time, authority);
    }

    static TimestampVerdict invalid(String problem) {
        return new TimestampVerdict(false, problem, null, null);
    }
}
