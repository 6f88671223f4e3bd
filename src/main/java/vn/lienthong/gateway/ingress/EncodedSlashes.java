package vn.lienthong.gateway.ingress;

import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Lets a path segment carry an encoded slash ({@code %2F}) as part of its value, never as a separator: an edXML
 * document id ({@code 000.00.17.H56,2024/03/05,57/UBND-TP}) is one segment of
 * {@code /api/v1/documents/{documentId}/status}. Tomcat's default refuses such paths; decoding them into separators
 * would let a value change the route, so they are passed through and decoded only as the parameter's value.
 */
@Component
class EncodedSlashes implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(EncodedSlashes::keepEncoded);
    }

    static void keepEncoded(Connector connector) {
        connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }
}
