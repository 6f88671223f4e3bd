package vn.lienthong.gateway.messagelog;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Makes message ids: UUIDs of version 7 (RFC 9562), 48 bits of Unix milliseconds then 74 random bits, so that ids
 * made later sort later and a new message lands at the end of the store's indexes on message id instead of on a
 * random page of them (fewer pages rewritten per commit).
 */
@Component
public final class MessageIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    public MessageIds(Clock clock) {
        this.clock = clock;
    }

    /** A new message id, such as {@code 018f3a2b-7c4d-7e5f-9a1b-2c3d4e5f6a7b}. */
    public String next() {
        long millis = clock.millis() & 0xFFFF_FFFF_FFFFL;
        long high = millis << 16 | 0x7000L | RANDOM.nextInt(1 << 12);
        long low = RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
