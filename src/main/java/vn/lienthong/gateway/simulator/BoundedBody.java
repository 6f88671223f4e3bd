package vn.lienthong.gateway.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/** Reads a request body that simulators take whole, refusing (empty answer) one larger than their limit before it is all in memory. */
final class BoundedBody {

    private BoundedBody() {
    }

    /** The body, or empty when its declared or actual size passes the limit. */
    static Optional<byte[]> read(HttpServletRequest request, long maxBytes) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            return Optional.empty();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBytes + 1));
            return body.length > maxBytes ? Optional.empty() : Optional.of(body);
        }
    }
}
