package vn.lienthong.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.QueueProbe;
import vn.lienthong.gateway.Samples;

/**
 * Hostile SOAP requests sent as raw HTTP: entities, entity expansion, deep nesting, too many attachments and MTOM
 * references out of the message are refused with a Client fault naming a stable code, never with what was asked for,
 * never by fetching anything, and are recorded; headers named after Camel's or CXF's steer nothing.
 */
class SoapHardeningTest extends GatewayEndToEndTest {

    private static final String ENVELOPE_START = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:g=\"https://lienthong.vn/soap/gateway/v1\">";

    @TempDir
    Path dir;
    private ServerSocket trap;
    private final AtomicInteger trapConnections = new AtomicInteger();
    private long rejectionsBefore;

    @BeforeEach
    void openTrap() throws IOException {
        trap = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            while (!trap.isClosed()) {
                try (Socket ignored = trap.accept()) {
                    trapConnections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "soap-test-trap");
        acceptor.setDaemon(true);
        acceptor.start();
        rejectionsBefore = rejections();
    }

    @AfterEach
    void closeTrap() throws IOException {
        trap.close();
    }

    @Test
    void refusesAFileEntityWithoutReadingTheFile() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-" + UUID.randomUUID());
        String body = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + ENVELOPE_START + "<soap:Body><g:GetMessageStatus><g:messageId>&x;</g:messageId></g:GetMessageStatus>"
                + "</soap:Body></soap:Envelope>";

        HttpResponse<String> answer = post(body);

        assertFault(answer, "XML_MALFORMED");
        assertThat(answer.body()).doesNotContain("TOP-SECRET");
        assertRecorded("XML_MALFORMED");
    }

    @Test
    void refusesAnExternalParameterEntityWithoutConnectingAnywhere() {
        String body = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY % p SYSTEM \"http://127.0.0.1:" + trap.getLocalPort()
                + "/evil.dtd\"> %p;]>" + ENVELOPE_START + "<soap:Body><g:GetMessageStatus><g:messageId>x</g:messageId>"
                + "</g:GetMessageStatus></soap:Body></soap:Envelope>";

        assertFault(post(body), "XML_MALFORMED");
        assertThat(trapConnections).hasValue(0);
        assertRecorded("XML_MALFORMED");
    }

    @Test
    void refusesBillionLaughsWithinASecond() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        String body = "<?xml version=\"1.0\"?>" + dtd + "]>" + ENVELOPE_START + "<soap:Body><g:GetMessageStatus>"
                + "<g:messageId>&lol9;</g:messageId></g:GetMessageStatus></soap:Body></soap:Envelope>";
        post(ENVELOPE_START + "<soap:Body/></soap:Envelope>");

        HttpResponse<String> answer = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> post(body));

        assertFault(answer, "XML_MALFORMED");
        assertThat(answer.body()).doesNotContain("lollol").hasSizeLessThan(2000);
    }

    @Test
    void refusesNestingBeyondTheLimit() {
        String body = ENVELOPE_START + "<soap:Body><g:SubmitDossier><g:dossier>" + "<g:summary>".repeat(40)
                + "</g:summary>".repeat(40) + "</g:dossier></g:SubmitDossier></soap:Body></soap:Envelope>";

        HttpResponse<String> answer = post(body);

        assertFault(answer, "XML_LIMIT_EXCEEDED");
        assertThat(answer.body()).contains("deeper than 32");
        assertRecorded("XML_LIMIT_EXCEEDED");
    }

    @Test
    void refusesMoreAttachmentsThanTheLimit() {
        StringBuilder parts = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            parts.append("--b\r\nContent-Type: application/octet-stream\r\nContent-ID: <a").append(i)
                    .append("@lienthong>\r\n\r\nbytes ").append(i).append("\r\n");
        }

        HttpResponse<String> answer = postMtom(dossierRequest(Samples.nextDossierCode(), "Tóm tắt"), parts.toString());

        assertFault(answer, "ATTACHMENT_REFUSED");
        assertRecorded("ATTACHMENT_REFUSED");
    }

    @Test
    void refusesAnMtomIncludeThatPointsOutOfTheMessage() throws IOException {
        Path secret = Files.writeString(dir.resolve("included.txt"), "INCLUDED-SECRET");
        for (String href : new String[] {secret.toUri().toString(),
                "http://127.0.0.1:" + trap.getLocalPort() + "/x", "cid:absent@lienthong"}) {
            String include = "<xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"" + href + "\"/>";

            HttpResponse<String> answer = postMtom(dossierRequest(Samples.nextDossierCode(), include), "");

            assertFault(answer, "ATTACHMENT_REFUSED");
            assertThat(answer.body()).doesNotContain("INCLUDED-SECRET");
        }
        assertThat(trapConnections).hasValue(0);
    }

    @Test
    void headersNamedAfterCamelOrCxfSteerNeitherTheOperationNorTheQueue() {
        String code = Samples.nextDossierCode();
        String soapHeaders = "<soap:Header><h:CamelJmsDestinationName xmlns:h=\"urn:evil\">lienthong.evil</h:CamelJmsDestinationName>"
                + "<operationName>GetMessageStatus</operationName><CamelHttpUri>http://127.0.0.1:" + trap.getLocalPort()
                + "/</CamelHttpUri></soap:Header>";
        String body = dossierRequest(code, "Tóm tắt").replace("<soap:Body>", soapHeaders + "<soap:Body>");
        long enqueuedBefore = queues.messagesAdded(QueueProbe.DVCQG);

        HttpResponse<String> answer = http.post("/soap/gateway", body.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/xml; charset=utf-8", "X-API-Key", Http.AGENCY_KEY,
                "CamelHttpUri", "http://127.0.0.1:" + trap.getLocalPort() + "/", "operationName", "GetMessageStatus",
                "operationNamespace", "urn:evil", "CamelJmsDestinationName", "lienthong.evil",
                "CamelCxfMessage", "forged", "CamelHttpResponseCode", "200");

        assertThat(answer.body()).contains("SubmitDossierResponse").contains("<status>ACCEPTED</status>");
        String messageId = answer.body().replaceAll(".*<messageId>([^<]+)</messageId>.*", "$1");
        gateway.awaitState(messageId, "DELIVERED");
        assertThat(simulator.recordsFor(code)).hasSize(1);
        assertThat(queues.messagesAdded(QueueProbe.DVCQG)).isEqualTo(enqueuedBefore + 1);
        assertThat(queues.messagesAdded("lienthong.evil")).isZero();
        assertThat(trapConnections).hasValue(0);
    }

    private static String dossierRequest(String dossierCode, String summaryContent) {
        return ENVELOPE_START + "<soap:Body><g:SubmitDossier><g:dossier>"
                + "<g:dossierCode>" + dossierCode + "</g:dossierCode>"
                + "<g:procedureCode>1.001193.000.00.00.H56</g:procedureCode><g:procedureName>Đăng ký khai sinh</g:procedureName>"
                + "<g:fieldCode>G09-TP08</g:fieldCode><g:fieldName>Hộ tịch</g:fieldName><g:agencyCode>000.00.17.H56</g:agencyCode>"
                + "<g:agencyName>UBND xã Hải Trường</g:agencyName><g:applicant><g:type>CITIZEN</g:type>"
                + "<g:idNumber>045090001234</g:idNumber><g:name>Hồ Quang Thuận</g:name></g:applicant>"
                + "<g:summary>" + summaryContent + "</g:summary><g:channel>ONLINE</g:channel>"
                + "<g:receivedAt>2024-01-01T08:00:00+07:00</g:receivedAt><g:dueAt>2024-01-03T17:00:00+07:00</g:dueAt>"
                + "<g:status>ACCEPTED</g:status></g:dossier></g:SubmitDossier></soap:Body></soap:Envelope>";
    }

    private HttpResponse<String> post(String body) {
        return http.post("/soap/gateway", body.getBytes(StandardCharsets.UTF_8), "Content-Type", "text/xml; charset=utf-8",
                "X-API-Key", Http.AGENCY_KEY);
    }

    private HttpResponse<String> postMtom(String envelope, String attachmentParts) {
        String body = "--b\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"text/xml\"\r\n"
                + "Content-ID: <root@lienthong>\r\n\r\n" + envelope + "\r\n" + attachmentParts + "--b--\r\n";
        return http.post("/soap/gateway", body.getBytes(StandardCharsets.UTF_8), "Content-Type",
                "multipart/related; type=\"application/xop+xml\"; boundary=\"b\"; start=\"<root@lienthong>\"; "
                        + "start-info=\"text/xml\"", "X-API-Key", Http.AGENCY_KEY);
    }

    private static void assertFault(HttpResponse<String> answer, String code) {
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("<faultcode>soap:Client</faultcode>").contains("<code>" + code + "</code>")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    private void assertRecorded(String code) {
        assertThat(rejections()).isGreaterThan(rejectionsBefore);
        assertThat(jdbc.queryForMap("""
                SELECT reason_code, channel, remote_address, payload_sha256 FROM message_event WHERE event = 'REJECTED'
                ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY""")).containsEntry("REASON_CODE", code)
                .containsEntry("CHANNEL", "SOAP").containsEntry("REMOTE_ADDRESS", "127.0.0.1")
                .hasEntrySatisfying("PAYLOAD_SHA256", sha -> assertThat(sha).isNotNull());
    }

    private long rejections() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM message_event WHERE event = 'REJECTED'", Long.class);
        return n == null ? 0 : n;
    }
}
