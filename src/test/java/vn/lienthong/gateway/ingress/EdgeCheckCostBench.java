package vn.lienthong.gateway.ingress;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.signature.ClientCertificateValidator;
import vn.lienthong.gateway.signature.RevocationLists;
import vn.lienthong.gateway.signature.TrustAnchors;

/**
 * Prints what the edge checks of one request cost on one thread, with the gateway's own classes and the sample PKI:
 * identification by API key, by client certificate (chain, CRLs, key, clientAuth), and the access rights (operation,
 * agency, destination) plus the rate limiter. Run by {@code bench/mtls-figures.sh} after the HTTP rounds.
 */
public final class EdgeCheckCostBench {

    private static final String KEY = "bench-agency-key-0123456789";

    private EdgeCheckCostBench() {
    }

    public static void main(String[] args) throws Exception {
        GatewayProperties properties = properties();
        ClientCertificateAuthenticator certificates = new ClientCertificateAuthenticator(properties,
                new ClientCertificateValidator(
                        TrustAnchors.load(Path.of("").toAbsolutePath(),
                                List.of(Path.of("certs-sample/trust-anchors.pem")), List.of()),
                        RevocationLists.configure(Path.of("").toAbsolutePath(),
                                List.of("certs-sample/sample-gov-ca.crl.pem", "certs-sample/root-ca.crl.pem"),
                                Duration.ofHours(1), Duration.ofSeconds(5), 1 << 20),
                        Optional.empty()), Clock.systemUTC());
        ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(properties, certificates,
                new RateLimiter(Clock.systemUTC(), properties));
        AccessRights rights = new AccessRights();
        Transport certificateTransport = new Transport(true, sampleChain());
        DefaultCamelContext camel = new DefaultCamelContext();

        Runnable byKey = () -> authenticator.authenticate(exchange(camel, KEY, null));
        Runnable byCertificate = () -> authenticator.authenticate(exchange(camel, null, certificateTransport));
        Runnable byKeyWithRights = () -> {
            Exchange exchange = exchange(camel, KEY, null);
            authenticator.authenticate(exchange);
            rights.requireOperation(exchange, Operation.DOSSIER_SUBMIT);
            if (!exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class).mayActFor("000.00.17.H56")) {
                throw new IllegalStateException("the bench client must act for 000.00.17.H56");
            }
            exchange.setProperty(ExchangeKeys.DESTINATION, "DVCQG");
            rights.requireDestination(exchange);
        };
        System.out.println("edge checks on one thread (the gateway's classes, sample PKI and CRLs):");
        report("API key identification + rate limit", byKey, 200_000);
        report("API key + rate limit + access rights", byKeyWithRights, 200_000);
        report("client certificate (PKIX, CRLs) + rate limit", byCertificate, 5_000);
    }

    private static void report(String name, Runnable check, int iterations) {
        for (int i = 0; i < iterations / 4; i++) {
            check.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            check.run();
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / iterations;
        System.out.printf("  %-48s %9.2f µs per request (%,.0f per second on one core)%n", name, micros,
                1_000_000 / micros);
    }

    private static Exchange exchange(DefaultCamelContext camel, String apiKey, Transport transport) {
        Exchange exchange = new DefaultExchange(camel);
        if (apiKey != null) {
            exchange.getIn().setHeader(ApiKeyAuthenticator.HEADER, apiKey);
        }
        if (transport != null) {
            exchange.setProperty(ExchangeKeys.TRANSPORT, transport);
        }
        return exchange;
    }

    private static GatewayProperties properties() {
        GatewayProperties.Client client = new GatewayProperties.Client();
        client.setId("bench-agency");
        client.setApiKeySha256(Sha256.hex(KEY.getBytes(StandardCharsets.UTF_8)));
        client.setRoles(List.of(ClientIdentity.ROLE_AGENCY));
        client.setAgencies(List.of("*.H56"));
        client.setOperations(List.of(Operation.DOSSIER_SUBMIT));
        client.setDestinations(List.of("DVCQG"));
        client.setCertificateOrganCodes(List.of("000.00.17.H56"));
        GatewayProperties properties = new GatewayProperties();
        properties.setClients(List.of(client));
        properties.getRateLimit().setPerSecond(1_000_000_000);
        properties.getRateLimit().setBurst(1_000_000_000);
        return properties;
    }

    private static List<X509Certificate> sampleChain() throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> chain = new ArrayList<>();
        for (String file : List.of("agency-000.00.17.H56-client.pem", "sample-gov-ca.pem")) {
            try (InputStream in = Files.newInputStream(Path.of("certs-sample", file))) {
                chain.add((X509Certificate) factory.generateCertificate(in));
            }
        }
        return chain;
    }
}
