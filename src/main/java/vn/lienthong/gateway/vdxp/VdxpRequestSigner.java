package vn.lienthong.gateway.vdxp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes the authentication headers of an adapter call: {@code systemid}, a fresh {@code timestamp} on the Vietnam
 * clock and {@code hash-header}, the HMAC-SHA256 of the canonical string under the system secret.
 */
final class VdxpRequestSigner {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String HMAC = "HmacSHA256";

    private final String systemId;
    private final SecretKeySpec key;
    private final Clock clock;

    VdxpRequestSigner(String systemId, String secret, Clock clock) {
        this.systemId = systemId;
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
        this.clock = clock;
    }

    /** Every header of the call, the signed ones included, in the order they are sent. */
    Map<String, String> headers(VdxpRequest request) {
        String timestamp = timestamp(ZonedDateTime.ofInstant(clock.instant(), VIETNAM));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("systemid", systemId);
        headers.put("timestamp", timestamp);
        headers.putAll(request.headers());
        headers.put("hash-header", hmac(request.canonical(systemId, timestamp)));
        return headers;
    }

    /** {@code ddMMyyyy'T'HHmmss'+'} then the milliseconds on four digits, as the field SDK sends it. */
    static String timestamp(ZonedDateTime vietnamTime) {
        return String.format("%02d%02d%04dT%02d%02d%02d+%04d", vietnamTime.getDayOfMonth(),
                vietnamTime.getMonthValue(), vietnamTime.getYear(), vietnamTime.getHour(), vietnamTime.getMinute(),
                vietnamTime.getSecond(), vietnamTime.getNano() / 1_000_000);
    }

    String hmac(String canonical) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }
}
