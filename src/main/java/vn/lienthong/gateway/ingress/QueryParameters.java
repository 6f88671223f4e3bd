package vn.lienthong.gateway.ingress;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;

/** Reads a request's allow-listed query parameters, collecting every problem so that all are reported at once. */
public final class QueryParameters {

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

    private final Map<String, String> query;
    private final List<Violation> violations = new ArrayList<>();

    public QueryParameters(Map<String, String> query) {
        this.query = query == null ? Map.of() : query;
    }

    /** The allow-listed query parameters that {@link IngressHeaders} kept on the exchange (none when absent). */
    @SuppressWarnings("unchecked")
    public static Map<String, String> of(Exchange exchange) {
        Map<String, String> query = exchange.getProperty(ExchangeKeys.QUERY, Map.class);
        return query == null ? Map.of() : query;
    }

    /** The raw value, or null when absent. */
    public String text(String name) {
        return query.get(name);
    }

    /** The value if it matches the pattern; null when absent or (with a recorded problem) when it does not. */
    public String text(String name, Pattern pattern, String rule) {
        String value = query.get(name);
        if (value != null && !pattern.matcher(value).matches()) {
            problem(name, rule);
            return null;
        }
        return value;
    }

    /** An ISO-8601 date-time with offset, or null when absent or invalid (then a problem is recorded). */
    public OffsetDateTime time(String name) {
        String value = query.get(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            problem(name, "must be an ISO-8601 date-time with offset, such as 2024-01-01T00:00:00Z (write + as %2B)");
            return null;
        }
    }

    /** A whole number in [min, max], or {@code absent} when missing or invalid (then a problem is recorded). */
    public int number(String name, int absent, int min, int max) {
        String value = query.get(name);
        if (value == null) {
            return absent;
        }
        int n = NUMBER.matcher(value).matches() ? Integer.parseInt(value) : -1;
        if (n < min || n > max) {
            problem(name, "must be a whole number from " + min + " to " + max);
            return absent;
        }
        return n;
    }

    /** Checks that {@code from} is before {@code to} when both were given. */
    public void requireOrdered(OffsetDateTime from, OffsetDateTime to) {
        if (from != null && to != null && !from.isBefore(to)) {
            problem("to", "must be later than from");
        }
    }

    public void problem(String name, String message) {
        violations.add(new Violation(name, message));
    }

    /** Refuses the request with 400 QUERY_PARAMETER_INVALID listing every problem, if there was any. */
    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new GatewayException(ErrorCode.QUERY_PARAMETER_INVALID, "Some query parameters are invalid.",
                    violations);
        }
    }
}
