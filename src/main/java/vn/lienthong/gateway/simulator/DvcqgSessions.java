package vn.lienthong.gateway.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Logs the gateway in to the simulated DVCQG and checks its session tokens, each valid for the configured time to live. */
@Component
@Profile("sandbox")
class DvcqgSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DvcqgSimulatorProperties properties;
    private final Clock clock;
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    DvcqgSessions(DvcqgSimulatorProperties properties, ObjectProvider<Clock> clock) {
        this.properties = properties;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** A new session token when the credentials are the configured ones, else empty. */
    Optional<String> login(String username, String password) {
        boolean userMatches = same(properties.username(), username);
        boolean passwordMatches = same(properties.password(), password);
        if (!userMatches || !passwordMatches) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        expiries.values().removeIf(expiry -> !now.isBefore(expiry));
        String token = newToken();
        expiries.put(token, now.plus(properties.sessionTtl()));
        return Optional.of(token);
    }

    boolean isValid(String token) {
        if (token == null) {
            return false;
        }
        Instant expiry = expiries.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    void expireAll() {
        expiries.clear();
    }

    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
