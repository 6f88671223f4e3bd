package vn.lienthong.gateway.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Issues the simulated LGSP's bearer tokens to its one client, each valid for the lifetime in force, and checks them. */
@Component
@Profile("sandbox")
class LgspTokenIssuer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final LgspSimulatorProperties properties;
    private final Clock clock;
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final AtomicLong issued = new AtomicLong();
    private final AtomicReference<Duration> lifetime;

    LgspTokenIssuer(LgspSimulatorProperties properties, ObjectProvider<Clock> clock) {
        this.properties = properties;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.lifetime = new AtomicReference<>(properties.tokenLifetime());
    }

    /** A new token when the client credentials are the configured ones, else empty. */
    Optional<String> issue(String clientId, String clientSecret) {
        boolean idMatches = same(properties.clientId(), clientId);
        boolean secretMatches = same(properties.clientSecret(), clientSecret);
        if (!idMatches || !secretMatches) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        expiries.values().removeIf(expiry -> !now.isBefore(expiry));
        String token = newToken();
        expiries.put(token, now.plus(lifetime.get()));
        issued.incrementAndGet();
        return Optional.of(token);
    }

    /** Seconds a token issued now lives, as {@code expires_in} says. */
    long lifetimeSeconds() {
        return lifetime.get().toSeconds();
    }

    /** Gives the tokens issued from now on another lifetime; null brings back the configured one. */
    void changeLifetime(Duration newLifetime) {
        lifetime.set(newLifetime == null ? properties.tokenLifetime() : newLifetime);
    }

    boolean isValid(String token) {
        if (token == null) {
            return false;
        }
        Instant expiry = expiries.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    /** Makes every token issued so far expire now, as a platform restart or a revocation would. */
    void expireAll() {
        expiries.clear();
    }

    /** How many tokens were issued since the simulator started. */
    long issuedCount() {
        return issued.get();
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
