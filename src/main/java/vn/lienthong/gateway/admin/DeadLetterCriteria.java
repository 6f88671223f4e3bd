package vn.lienthong.gateway.admin;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;
import vn.lienthong.gateway.delivery.DeliveryQueues;

/** Which dead letters an administrator asks for: a destination, a [from, to) window of dead-lettering time, a page. */
record DeadLetterCriteria(String destination, OffsetDateTime from, OffsetDateTime to, int limit, int offset) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

    /** Reads and checks the query parameters; every problem found is reported at once as 400. */
    static DeadLetterCriteria of(Map<String, String> query, boolean destinationRequired, int defaultLimit) {
        List<Violation> violations = new ArrayList<>();
        String destination = query.get("destination");
        if (destination == null ? destinationRequired : !DeliveryQueues.destinations().contains(destination)) {
            violations.add(new Violation("destination", "must be one of " + DeliveryQueues.destinations()));
        }
        OffsetDateTime from = time(query, "from", violations);
        OffsetDateTime to = time(query, "to", violations);
        if (from != null && to != null && !from.isBefore(to)) {
            violations.add(new Violation("to", "must be later than from"));
        }
        int limit = number(query, "limit", defaultLimit, 1, MAX_LIMIT, violations);
        int offset = number(query, "offset", 0, 0, Integer.MAX_VALUE, violations);
        if (!violations.isEmpty()) {
            throw new GatewayException(ErrorCode.QUERY_PARAMETER_INVALID, "Some query parameters are invalid.",
                    violations);
        }
        return new DeadLetterCriteria(destination, from, to, limit, offset);
    }

    /** The criteria as the admin action records them. */
    String describe() {
        return "destination=" + (destination == null ? "*" : destination) + " from=" + (from == null ? "*" : from)
                + " to=" + (to == null ? "*" : to) + " limit=" + limit + " offset=" + offset;
    }

    private static OffsetDateTime time(Map<String, String> query, String name, List<Violation> violations) {
        String value = query.get(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(name, "must be an ISO-8601 date-time with offset, such as "
                    + "2024-01-01T00:00:00Z (write + as %2B)"));
            return null;
        }
    }

    private static int number(Map<String, String> query, String name, int absent, int min, int max,
                              List<Violation> violations) {
        String value = query.get(name);
        if (value == null) {
            return absent;
        }
        int n = NUMBER.matcher(value).matches() ? Integer.parseInt(value) : -1;
        if (n < min || n > max) {
            violations.add(new Violation(name, "must be a whole number from " + min + " to " + max));
            return absent;
        }
        return n;
    }
}
