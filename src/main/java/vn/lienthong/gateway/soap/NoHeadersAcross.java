package vn.lienthong.gateway.soap;

import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * Lets no header cross between CXF and Camel in either direction: HTTP and SOAP headers of a request never become
 * Camel headers, and the routes' headers never become HTTP headers of an answer.
 */
public class NoHeadersAcross implements HeaderFilterStrategy {

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return true;
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return true;
    }
}
