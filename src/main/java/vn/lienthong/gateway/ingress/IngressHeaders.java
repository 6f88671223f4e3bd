package vn.lienthong.gateway.ingress;

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
 * request itself, so that no client-sent header (such as {@code Camel*} or {@code operationName}) can steer a route.
 */
@Component("ingressHeaders")
public class IngressHeaders {

    static final List<String> ALLOWED = List.of("Content-Type", "Accept", "X-API-Key", "Idempotency-Key");
    private static final int MAX_HEADER_LENGTH = 1024;

    /** Keeps the allow-listed headers and the route's path parameters; everything else is removed. */
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
    }
}
