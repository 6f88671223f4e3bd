package vn.lienthong.gateway.ingress;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

import vn.lienthong.gateway.ExchangeKeys;

/**
 * Replaces every header Camel mapped from an HTTP request with the few the gateway reads, taken from the servlet
 * request itself, so that no client-sent header (such as {@code Camel*} or {@code operationName}) can steer a route;
 * the few query parameters the gateway reads go to an exchange property, never to headers.
 */
@Component("ingressHeaders")
public class IngressHeaders {

    static final List<String> ALLOWED = List.of("Content-Type", "Accept", "X-API-Key", "Idempotency-Key");
    static final List<String> ALLOWED_QUERY = List.of("destination", "from", "to", "limit", "offset", "reason",
            "dossierCode", "agency", "client", "event", "level");
    private static final int MAX_HEADER_LENGTH = 1024;

    private final MtlsConnector mtls;

    IngressHeaders(MtlsConnector mtls) {
        this.mtls = mtls;
    }

    /**
     * Keeps the allow-listed headers and the route's path parameters, and puts the allow-listed query parameters in
     * {@link ExchangeKeys#QUERY} and the {@link Transport} in {@link ExchangeKeys#TRANSPORT}; everything else is
     * removed. The body exactly as received (kept by the body-limit filter) goes to {@link ExchangeKeys#RAW_BODY},
     * before anything decodes it.
     */
    public void reduceToAllowList(Exchange exchange) {
        PlatformHttpMessage in = exchange.getIn(PlatformHttpMessage.class);
        if (in == null) {
            throw new IllegalStateException("IngressHeaders runs first in a platform-http route");
        }
        HttpServletRequest request = in.getRequest();
        Message message = exchange.getIn();
        message.removeHeaders("*");
        for (String name : ALLOWED) {
            String value = request.getHeader(name);
            if (value != null && value.length() <= MAX_HEADER_LENGTH) {
                message.setHeader(name, value);
            }
        }
        Object pathVariables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (pathVariables instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> message.setHeader(String.valueOf(name), String.valueOf(value)));
        }
        exchange.setProperty(ExchangeKeys.REMOTE_ADDRESS, request.getRemoteAddr());
        exchange.setProperty(ExchangeKeys.TRANSPORT, Transport.of(request, mtls));
        exchange.setProperty(ExchangeKeys.REQUEST_PATH, request.getRequestURI());
        exchange.setProperty(ExchangeKeys.QUERY, queryParameters(request.getQueryString()));
        if (request.getAttribute(ExchangeKeys.RAW_BODY) instanceof byte[] raw) {
            exchange.setProperty(ExchangeKeys.RAW_BODY, raw);
        }
    }

    /**
     * The allow-listed parameters of the query string (never of a form body), first value of each name, decoded as
     * UTF-8; a value that is longer than the header limit or cannot be decoded is left out.
     */
    static Map<String, String> queryParameters(String queryString) {
        Map<String, String> found = new LinkedHashMap<>();
        if (queryString == null) {
            return found;
        }
        for (String pair : queryString.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = decode(eq < 0 ? "" : pair.substring(eq + 1));
            if (name != null && value != null && ALLOWED_QUERY.contains(name) && !found.containsKey(name)
                    && value.length() <= MAX_HEADER_LENGTH) {
                found.put(name, value);
            }
        }
        return found;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
