package vn.lienthong.gateway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Prints the throughput (requests/s) and latency of SubmitDossier over SOAP next to POST /api/v1/dossiers over REST,
 * in the same run against the same gateway: 8 concurrent clients, each on its own keep-alive connection, the same
 * dossier with a fresh code per request, rounds alternating REST and SOAP. Run by {@code bench/soap-figures.sh}.
 */
public final class SoapThroughputBench {

    private static final int CLIENTS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SoapThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        ObjectNode sample = (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of("samples/dossier.json")));
        String base = "http://127.0.0.1:" + port;
        IntFunction<HttpRequest> rest = n -> HttpRequest.newBuilder(URI.create(base + "/api/v1/dossiers"))
                .header("Content-Type", "application/json").header("X-API-Key", "sandbox-agency-key")
                .POST(HttpRequest.BodyPublishers.ofString(restBody(sample, n))).build();
        IntFunction<HttpRequest> soap = n -> HttpRequest.newBuilder(URI.create(base + "/soap/gateway"))
                .header("Content-Type", "text/xml; charset=utf-8").header("X-API-Key", "sandbox-agency-key")
                .header("SOAPAction", "\"https://lienthong.vn/soap/gateway/v1/SubmitDossier\"")
                .POST(HttpRequest.BodyPublishers.ofString(soapBody(n))).build();

        round("warm-up REST", rest, 202, perRound / 4);
        round("warm-up SOAP", soap, 200, perRound / 4);
        for (int r = 1; r <= 2; r++) {
            round("REST round " + r, rest, 202, perRound);
            round("SOAP round " + r, soap, 200, perRound);
        }
    }

    private static void round(String name, IntFunction<HttpRequest> request, int expected, int total) throws Exception {
        ConcurrentRequests.round(name, CLIENTS, total, () -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build(), request, expected);
    }

    private static String code(int n) {
        return String.format("000.00.17.H56-240101-%04d", n % 10_000);
    }

    private static String restBody(ObjectNode sample, int n) {
        ObjectNode dossier = sample.deepCopy();
        dossier.put("dossierCode", code(n));
        return dossier.toString();
    }

    private static String soapBody(int n) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:g=\"https://lienthong.vn/soap/gateway/v1\"><soap:Body><g:SubmitDossier><g:dossier>"
                + "<g:dossierCode>" + code(n) + "</g:dossierCode><g:procedureCode>1.001193.000.00.00.H56</g:procedureCode>"
                + "<g:procedureName>Đăng ký khai sinh</g:procedureName><g:fieldCode>G09-TP08</g:fieldCode>"
                + "<g:fieldName>Hộ tịch</g:fieldName><g:agencyCode>000.00.17.H56</g:agencyCode>"
                + "<g:agencyName>UBND xã Hải Trường</g:agencyName><g:receiptNumber>BN-2024-0001</g:receiptNumber>"
                + "<g:applicant><g:type>CITIZEN</g:type><g:idNumber>045090001234</g:idNumber><g:name>Hồ Quang Thuận</g:name>"
                + "<g:phone>0912345678</g:phone><g:email>thuan@example.vn</g:email>"
                + "<g:address>Thôn Đông, xã Hải Trường</g:address></g:applicant>"
                + "<g:summary>Đăng ký khai sinh cho con</g:summary><g:channel>ONLINE</g:channel>"
                + "<g:receivedAt>2024-01-01T08:00:00+07:00</g:receivedAt><g:dueAt>2024-01-03T17:00:00+07:00</g:dueAt>"
                + "<g:status>ACCEPTED</g:status><g:fees><g:fee><g:code>LP01</g:code><g:name>Lệ phí</g:name>"
                + "<g:amount>0</g:amount><g:method>CASH</g:method></g:fee></g:fees><g:documents><g:document>"
                + "<g:componentCode>TP01</g:componentCode><g:name>Tờ khai</g:name>"
                + "<g:url>https://motcua.example.vn/files/000.00.17.H56-240101-0001/to-khai.pdf</g:url>"
                + "<g:sha256>3f0a9c1e5b7d2a4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d</g:sha256>"
                + "</g:document></g:documents></g:dossier></g:SubmitDossier></soap:Body></soap:Envelope>";
    }
}
