package vn.lienthong.gateway.admin;

import java.time.OffsetDateTime;
import java.util.Map;

import vn.lienthong.gateway.delivery.DeliveryQueues;
import vn.lienthong.gateway.ingress.QueryParameters;

/** Which dead letters an administrator asks for: a destination, a [from, to) window of dead-lettering time, a page. */
record DeadLetterCriteria(String destination, OffsetDateTime from, OffsetDateTime to, int limit, int offset) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** Reads and checks the query parameters; every problem found is reported at once as 400. */
    static DeadLetterCriteria of(Map<String, String> query, boolean destinationRequired, int defaultLimit) {
        QueryParameters p = new QueryParameters(query);
        String destination = p.text("destination");
        if (destination == null ? destinationRequired : !DeliveryQueues.destinations().contains(destination)) {
            p.problem("destination", "must be one of " + DeliveryQueues.destinations());
        }
        OffsetDateTime from = p.time("from");
        OffsetDateTime to = p.time("to");
        p.requireOrdered(from, to);
        int limit = p.number("limit", defaultLimit, 1, MAX_LIMIT);
        int offset = p.number("offset", 0, 0, Integer.MAX_VALUE);
        p.throwIfInvalid();
        return new DeadLetterCriteria(destination, from, to, limit, offset);
    }

    /** The criteria as the admin action records them. */
    String describe() {
        return "destination=" + (destination == null ? "*" : destination) + " from=" + (from == null ? "*" : from)
                + " to=" + (to == null ? "*" : to) + " limit=" + limit + " offset=" + offset;
    }
}
