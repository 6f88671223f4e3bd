package vn.lienthong.gateway.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import vn.lienthong.gateway.simulator.VdxpSimulatorProperties.VdxpSystem;

/**
 * Authenticates a VDXP adapter call as the axis does: a known {@code systemid}, a {@code timestamp} within the allowed
 * skew, and a {@code hash-header} that is the HMAC-SHA256, with the system's secret, of the canonical string of the
 * operation and its signed headers (docs/vdxp-adapter.md).
 */
final class VdxpRequestAuthenticator {

    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Map<String, VdxpSystem> systems;
    private final Duration clockSkew;
    private final Clock clock;

    VdxpRequestAuthenticator(VdxpSimulatorProperties properties, Clock clock) {
        this.systems = properties.systems().stream()
                .collect(Collectors.toUnmodifiableMap(VdxpSystem::systemId, Function.identity()));
        this.clockSkew = properties.clockSkew();
        this.clock = clock;
    }

    /** The calling system, once its id, timestamp and HMAC check out; otherwise a refusal naming which did not. */
    VdxpSystem authenticate(String operation, VdxpHeaders headers) {
        String systemId = headers.get(VdxpHeaders.SYSTEM_ID);
        VdxpSystem system = systemId == null ? null : systems.get(systemId);
        if (system == null) {
            throw new VdxpRefusal(VdxpError.SYSTEM_UNKNOWN, systemId == null ? "header systemid is missing" : "");
        }
        Instant sentAt = VdxpTimestamp.parse(headers.get(VdxpHeaders.TIMESTAMP)).orElseThrow(() -> new VdxpRefusal(
                VdxpError.TIMESTAMP_INVALID, "header timestamp is missing or not ddMMyyyy'T'HHmmss+SSSS"));
        Duration off = Duration.between(clock.instant(), sentAt).abs();
        if (off.compareTo(clockSkew) > 0) {
            throw new VdxpRefusal(VdxpError.TIMESTAMP_INVALID,
                    "more than " + clockSkew.toSeconds() + " seconds away from the axis clock");
        }
        String claimed = headers.get(VdxpHeaders.HASH_HEADER);
        if (claimed == null || !HEX_SHA256.matcher(claimed).matches()) {
            throw new VdxpRefusal(VdxpError.HMAC_INVALID, "header hash-header must be 64 lower-case hex digits");
        }
        byte[] expected = hmac(system.secret(), canonical(operation, headers));
        if (!MessageDigest.isEqual(expected, HexFormat.of().parseHex(claimed))) {
            throw new VdxpRefusal(VdxpError.HMAC_INVALID, "");
        }
        return system;
    }

    /** The operation name and the signed headers' values as sent (empty when absent), joined by LF. */
    static String canonical(String operation, VdxpHeaders headers) {
        StringBuilder canonical = new StringBuilder(operation);
        for (String name : VdxpHeaders.SIGNED) {
            String value = headers.get(name);
            canonical.append('\n').append(value == null ? "" : value);
        }
        return canonical.toString();
    }

    private static byte[] hmac(String secret, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
