package vn.lienthong.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

import vn.lienthong.gateway.GatewayEndToEndTest;

/**
 * Management endpoints other than health answer only callers from the allowed networks, and the embedded broker
 * opens no network acceptor.
 */
@TestPropertySource(properties = "lienthong.management.allowed-networks=10.0.0.0/8")
class ManagementExposureTest extends GatewayEndToEndTest {

    @Test
    void metricsAreHiddenFromCallersOutsideTheAllowedNetworks() {
        assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(404);
        assertThat(http.get("/actuator").statusCode()).isEqualTo(404);
        assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health/../prometheus", "/actuator/health/..;/prometheus",
            "/actuator/health/%2e%2e/prometheus", "/actuator/health/./../prometheus", "/actuator/health;x=1/../prometheus"})
    void aPathThatOnlyStartsLikeHealthIsJudgedByWhereItLeads(String rawPath) throws IOException {
        String statusLine = rawRequestStatusLine(rawPath);

        assertThat(statusLine).doesNotContain(" 200 ").matches("HTTP/1\\.1 (400|404) .*");
    }

    @Test
    void aRequestTomcatRefusesItselfIsAnsweredWithProblemJson() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/v1/messages/%zz%2e%2e HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/problem+json")
                    .contains("\"code\":\"REQUEST_REFUSED\"").doesNotContain("<html").doesNotContain("Tomcat");
        }
    }

    /**
     * An encoded slash is part of a path segment's value (a document id carries slashes), never a separator: a
     * traversal spelled with it reaches no other resource and is refused as a bad message id.
     */
    @Test
    void anEncodedSlashTraversesNothing() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/v1/messages/..%2F..%2Fetc%2Fpasswd HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-API-Key: sandbox-agency-key\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400 ").contains("\"code\":\"PATH_PARAMETER_INVALID\"")
                    .doesNotContain("root:");
        }
    }

    /** Sends the path exactly as written (an HTTP client library would normalise it first). */
    private String rawRequestStatusLine(String rawPath) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    @Test
    void theEmbeddedBrokerListensInTheJvmOnly() {
        var server = broker.getActiveMQServer();

        assertThat(server.getConfiguration().getAcceptorConfigurations()).isNotEmpty()
                .allSatisfy(acceptor -> assertThat(acceptor.getFactoryClassName())
                        .isEqualTo(InVMAcceptorFactory.class.getName()));
        assertThat(server.getRemotingService().getAcceptors().values()).isNotEmpty()
                .allSatisfy(acceptor -> assertThat(acceptor.getClass().getSimpleName()).isEqualTo("InVMAcceptor"));
    }
}
