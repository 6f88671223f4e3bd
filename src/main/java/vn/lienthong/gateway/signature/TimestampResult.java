package vn.lienthong.gateway.signature;

import java.time.Instant;

/** How asking a timestamping authority for a token ended: granted (a checked token and its time) or failed (why). */
public sealed interface TimestampResult {

    /** The authority granted a token that passed every check; {@code token} is the DER of its CMS ContentInfo. */
    record Granted(byte[] token, Instant time) implements TimestampResult {
    }

    /** No usable token: the authority could not be reached, refused, or answered something that failed a check. */
    record Failed(String reason) implements TimestampResult {
    }
}
