package vn.lienthong.gateway.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.config.GatewayProperties;

/** Only the allow-listed headers and the route's path parameters survive, read from the servlet request itself. */
class IngressHeadersTest {

    private final IngressHeaders headers = new IngressHeaders(new MtlsConnector(mtlsOff()));

    @Test
    void keepsOnlyAllowListedHeadersAndPathParameters() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/messages/abc");
        request.addHeader("X-API-Key", "sandbox-agency-key");
        request.addHeader("Content-Type", "application/json");
        request.addHeader("CamelHttpResponseCode", "500");
        request.addHeader("operationName", "SubmitDocument");
        request.addHeader("JMSXGroupID", "other");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("messageId", "abc"));
        request.setRemoteAddr("10.1.2.3");
        Exchange exchange = exchangeFor(request);
        exchange.getIn().setHeader("CamelHttpResponseCode", "500");
        exchange.getIn().setHeader("operationName", "SubmitDocument");
        exchange.getIn().setHeader("CamelJmsDestinationName", "lienthong.evil");
        exchange.getIn().setHeader("messageId", "spoofed");

        headers.reduceToAllowList(exchange);

        assertThat(exchange.getIn().getHeaders()).containsOnlyKeys("X-API-Key", "Content-Type", "messageId");
        assertThat(exchange.getIn().getHeader("messageId")).isEqualTo("abc");
        assertThat(exchange.getIn().getHeader("X-API-Key")).isEqualTo("sandbox-agency-key");
        assertThat(exchange.getProperty(ExchangeKeys.REMOTE_ADDRESS)).isEqualTo("10.1.2.3");
    }

    @Test
    void keepsAllowListedQueryParametersAsAPropertyNotAsHeaders() {
        MockHttpServletRequest request = new MockHttpServletRequest("DELETE", "/admin/dead-letters/abc");
        request.setQueryString("destination=DVCQG&from=2024-01-01T00%3A00%3A00%2B07%3A00&reason=sent+twice"
                + "&destination=XYZ&CamelHttpResponseCode=500&limit=" + "9".repeat(1025) + "&offset=%zz&to");
        request.setParameter("CamelHttpResponseCode", "500");
        Exchange exchange = exchangeFor(request);

        headers.reduceToAllowList(exchange);

        assertThat(exchange.getProperty(ExchangeKeys.QUERY, Map.class)).containsExactly(
                Map.entry("destination", "DVCQG"), Map.entry("from", "2024-01-01T00:00:00+07:00"),
                Map.entry("reason", "sent twice"), Map.entry("to", ""));
        assertThat(exchange.getIn().getHeaders()).isEmpty();
    }

    @Test
    void keepsTheAuditorsQueryParameters() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/audit/entries");
        request.setQueryString("dossierCode=000.00.17.H56-240101-0001&agency=000.00.17.H56&client=sandbox-admin"
                + "&event=REJECTED&messageId=abc&Event=DELIVERED");
        Exchange exchange = exchangeFor(request);

        headers.reduceToAllowList(exchange);

        assertThat(exchange.getProperty(ExchangeKeys.QUERY, Map.class)).containsExactly(
                Map.entry("dossierCode", "000.00.17.H56-240101-0001"), Map.entry("agency", "000.00.17.H56"),
                Map.entry("client", "sandbox-admin"), Map.entry("event", "REJECTED"));
        assertThat(exchange.getIn().getHeaders()).isEmpty();
    }

    @Test
    void setsAnEmptyQueryWithoutAQueryString() {
        Exchange exchange = exchangeFor(new MockHttpServletRequest("GET", "/admin/dead-letters"));

        headers.reduceToAllowList(exchange);

        assertThat(exchange.getProperty(ExchangeKeys.QUERY, Map.class)).isEmpty();
    }

    @Test
    void dropsOverlongHeaderValues() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/dossiers");
        request.addHeader("X-API-Key", "k".repeat(5000));
        Exchange exchange = exchangeFor(request);

        headers.reduceToAllowList(exchange);

        assertThat(exchange.getIn().getHeaders()).isEmpty();
    }

    @Test
    void refusesToRunOutsideAnHttpRoute() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());

        assertThatThrownBy(() -> headers.reduceToAllowList(exchange)).isInstanceOf(IllegalStateException.class);
    }

    private static Exchange exchangeFor(MockHttpServletRequest request) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setIn(new PlatformHttpMessage(request, new MockHttpServletResponse(), exchange, null, false));
        return exchange;
    }

    private static GatewayProperties mtlsOff() {
        GatewayProperties properties = new GatewayProperties();
        properties.setHome(Path.of(""));
        properties.getMtls().setPort(0);
        return properties;
    }
}
