package vn.lienthong.gateway.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.signature.ClientCertificateValidator;
import vn.lienthong.gateway.signature.RevocationLists;
import vn.lienthong.gateway.signature.TrustAnchors;

/** Clients are known by the hash of their API key, act only for the agencies their patterns name, and need roles. */
class ClientIdentityAndApiKeyTest {

    private static final String AGENCY_KEY = "agency-key-0123456789abcdef";
    private static final String READER_KEY = "reader-key-fedcba9876543210";
    /** Exactly the longest key accepted. */
    private static final String LONGEST_KEY = "L".repeat(256);
    /** Registered, but one character too long to be looked up at all. */
    private static final String OVERLONG_KEY = "O".repeat(257);

    private static final GatewayProperties PROPERTIES = properties(
            client("so-tu-phap", AGENCY_KEY, List.of(ClientIdentity.ROLE_AGENCY), List.of("*.H56")),
            client("dashboard", READER_KEY, List.of("READER"), List.of()),
            client("longest", LONGEST_KEY, List.of(ClientIdentity.ROLE_AGENCY), List.of()),
            client("overlong", OVERLONG_KEY, List.of(ClientIdentity.ROLE_AGENCY), List.of()));

    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(PROPERTIES, sampleCertificates(),
            new RateLimiter(Clock.systemUTC(), PROPERTIES));

    // --- ClientIdentity.mayActFor ---

    @ParameterizedTest
    @ValueSource(strings = {"000.00.17.H56", "000.00.01.H56", ".H56"})
    void wildcardPatternMatchesAnyPrefix(String agency) {
        assertThat(identity("*.H56").mayActFor(agency)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"000.00.17.H560", "000.00.17.G22", "000.00.17.H56.01", "000.00.17xH56", "H56", ""})
    void wildcardPatternMustMatchTheWholeCode(String agency) {
        assertThat(identity("*.H56").mayActFor(agency)).isFalse();
    }

    @Test
    void wildcardInTheMiddleStandsForAnyCharacters() {
        ClientIdentity client = identity("000.*.H56");

        assertThat(client.mayActFor("000.00.17.H56")).isTrue();
        assertThat(client.mayActFor("001.00.17.H56")).isFalse();
    }

    @Test
    void explicitCodesMatchOnlyThemselves() {
        ClientIdentity client = identity("000.00.17.H56", "000.00.18.H56");

        assertThat(client.mayActFor("000.00.17.H56")).isTrue();
        assertThat(client.mayActFor("000.00.18.H56")).isTrue();
        assertThat(client.mayActFor("000.00.19.H56")).isFalse();
        assertThat(client.mayActFor("000.00.17.H5")).isFalse();
        assertThat(client.mayActFor("X000.00.17.H56")).isFalse();
    }

    @Test
    void dotInAPatternIsALiteralDot() {
        ClientIdentity client = identity("000.00.17.H56");

        assertThat(client.mayActFor("000x00x17xH56")).isFalse();
        assertThat(client.mayActFor("000.00.17.H56")).isTrue();
    }

    @Test
    void dotBesideAWildcardIsStillALiteralDot() {
        assertThat(identity("*.H56").mayActFor("000.00.17xH56")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"000.00.1[7].H56", "H56+", "(H56)", "H5?6", "A\\E.*", "^H56$", "H{56}|G22"})
    void regexMetacharactersInAPatternAreLiteral(String pattern) {
        ClientIdentity client = identity(pattern);

        assertThat(client.mayActFor(pattern)).as("pattern matches its own literal text").isTrue();
        assertThat(client.mayActFor("000.00.17.H56")).isFalse();
        assertThat(client.mayActFor("H556")).isFalse();
        assertThat(client.mayActFor("H56")).isFalse();
        assertThat(client.mayActFor("G22")).isFalse();
        assertThat(client.mayActFor("A\\E")).isFalse();
    }

    @Test
    void clientWithoutPatternsMayActForNoAgency() {
        assertThat(identity().mayActFor("000.00.17.H56")).isFalse();
    }

    @Test
    void loneWildcardMatchesEveryAgency() {
        assertThat(identity("*").mayActFor("000.00.17.H56")).isTrue();
        assertThat(identity("*").mayActFor("G22")).isTrue();
    }

    // --- ApiKeyAuthenticator.identify ---

    @Test
    void identifiesTheClientByTheSha256OfItsKey() {
        assertThat(authenticator.identify(AGENCY_KEY)).hasValueSatisfying(c -> {
            assertThat(c.id()).isEqualTo("so-tu-phap");
            assertThat(c.roles()).containsExactly(ClientIdentity.ROLE_AGENCY);
            assertThat(c.agencyPatterns()).containsExactly("*.H56");
        });
        assertThat(authenticator.identify(READER_KEY)).map(ClientIdentity::id).contains("dashboard");
    }

    @Test
    void doesNotTakeTheConfiguredHashItselfAsAKey() {
        assertThat(authenticator.identify(sha256(AGENCY_KEY))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown-key", "agency-key-0123456789abcdeF", "agency-key-0123456789abcde",
            " agency-key-0123456789abcdef", ""})
    void unknownKeyIdentifiesNoOne(String key) {
        assertThat(authenticator.identify(key)).isEmpty();
    }

    @Test
    void acceptsAKeyOfExactly256Characters() {
        assertThat(authenticator.identify(LONGEST_KEY)).map(ClientIdentity::id).contains("longest");
    }

    @Test
    void ignoresAKeyLongerThan256CharactersEvenIfItsHashIsRegistered() {
        assertThat(authenticator.identify(OVERLONG_KEY)).isEmpty();
    }

    // --- ApiKeyAuthenticator.authenticate ---

    @Test
    void refusesARegisteredApiKeyWhenApiKeysAreTurnedOff() {
        GatewayProperties keysOff = properties(client("so-tu-phap", AGENCY_KEY, List.of(ClientIdentity.ROLE_AGENCY),
                List.of("*.H56")));
        keysOff.getApiKeys().setEnabled(false);
        ApiKeyAuthenticator certificatesOnly = new ApiKeyAuthenticator(keysOff, sampleCertificates(),
                new RateLimiter(Clock.systemUTC(), keysOff));
        Exchange exchange = exchange(AGENCY_KEY);

        GatewayException e = refusal(() -> certificatesOnly.authenticate(exchange));

        assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_REQUIRED);
        assertThat(e.getMessage()).contains("API keys are turned off");
        assertThat(exchange.getProperty(ExchangeKeys.CLIENT)).isNull();
    }

    @Test
    void requiresTheApiKeyHeader() {
        Exchange exchange = exchange(null);

        GatewayException e = refusal(() -> authenticator.authenticate(exchange));

        assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_REQUIRED);
        assertThat(exchange.getProperty(ExchangeKeys.CLIENT)).isNull();
    }

    @Test
    void treatsABlankApiKeyHeaderAsMissing() {
        GatewayException e = refusal(() -> authenticator.authenticate(exchange("   ")));

        assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_REQUIRED);
    }

    @Test
    void refusesAWrongKeyAsInvalid() {
        Exchange exchange = exchange("wrong-key");

        GatewayException e = refusal(() -> authenticator.authenticate(exchange));

        assertThat(e.code()).isEqualTo(ErrorCode.API_KEY_INVALID);
        assertThat(e.getMessage()).doesNotContain("wrong-key");
        assertThat(exchange.getProperty(ExchangeKeys.CLIENT)).isNull();
    }

    @Test
    void refusesAnOverlongKeyAsInvalid() {
        GatewayException e = refusal(() -> authenticator.authenticate(exchange(OVERLONG_KEY)));

        assertThat(e.code()).isEqualTo(ErrorCode.API_KEY_INVALID);
    }

    @Test
    void putsTheIdentityOfTheRightKeyOnTheExchange() {
        Exchange exchange = exchange(AGENCY_KEY);

        authenticator.authenticate(exchange);

        ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        assertThat(client).isNotNull();
        assertThat(client.id()).isEqualTo("so-tu-phap");
        assertThat(client.hasRole(ClientIdentity.ROLE_AGENCY)).isTrue();
        assertThat(client.mayActFor("000.00.17.H56")).isTrue();
    }

    // --- client certificates of the sample PKI ---

    @Test
    void identifiesASampleCertificateWhereSampleCertificatesAreAllowed() throws Exception {
        ClientCertificateAuthenticator sandbox = certificateAuthenticator(false);

        assertThat(sandbox.identify(sampleClientChain()).id()).isEqualTo("so-tu-phap-mtls");
    }

    @Test
    void refusesASampleCertificateWhereTheProductionProfileRefusesThem() throws Exception {
        ClientCertificateAuthenticator production = certificateAuthenticator(true);

        GatewayException e = refusal(() -> production.identify(sampleClientChain()));

        assertThat(e.code()).isEqualTo(ErrorCode.CLIENT_CERTIFICATE_INVALID);
        assertThat(e.getMessage()).contains("(SAMPLE_CERTIFICATE)").contains("OU=000.00.17.H56");
    }

    // --- AccessRights ---

    private final AccessRights rights = new AccessRights();

    @Test
    void forbidsAClientWithoutTheAgencyRoleEvenWithTheOperationListed() {
        Exchange exchange = exchange(READER_KEY);
        authenticator.authenticate(exchange);

        GatewayException e = refusal(() -> rights.requireOperation(exchange, Operation.STATUS));

        assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_NOT_ALLOWED);
    }

    @Test
    void refusesWhenNoClientWasAuthenticated() {
        GatewayException e = refusal(() -> rights.requireOperation(exchange(AGENCY_KEY), Operation.DOSSIER_SUBMIT));

        assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_REQUIRED);
    }

    @Test
    void letsAnAgencyClientCallItsOperationsOnly() {
        Exchange exchange = exchange(AGENCY_KEY);
        authenticator.authenticate(exchange);

        assertThatCode(() -> rights.requireOperation(exchange, Operation.DOSSIER_SUBMIT)).doesNotThrowAnyException();
        assertThat(refusal(() -> rights.requireOperation(exchange, Operation.DOCUMENT)).code())
                .isEqualTo(ErrorCode.OPERATION_NOT_ALLOWED);
    }

    @Test
    void letsAClientSendOnlyToItsDestinations() {
        Exchange exchange = exchange(AGENCY_KEY);
        authenticator.authenticate(exchange);

        exchange.setProperty(ExchangeKeys.DESTINATION, "DVCQG");
        assertThatCode(() -> rights.requireDestination(exchange)).doesNotThrowAnyException();
        exchange.setProperty(ExchangeKeys.DESTINATION, "LGSP");
        assertThat(refusal(() -> rights.requireDestination(exchange)).code())
                .isEqualTo(ErrorCode.DESTINATION_NOT_ALLOWED);
    }

    // --- helpers ---

    private static ClientIdentity identity(String... patterns) {
        return new ClientIdentity("c", Set.of(ClientIdentity.ROLE_AGENCY), List.of(patterns), Set.of(), Set.of());
    }

    private static GatewayProperties.Client client(String id, String key, List<String> roles, List<String> agencies) {
        GatewayProperties.Client client = new GatewayProperties.Client();
        client.setId(id);
        client.setApiKeySha256(sha256(key));
        client.setRoles(roles);
        client.setAgencies(agencies);
        if (roles.contains(ClientIdentity.ROLE_AGENCY)) {
            client.setOperations(List.of(Operation.DOSSIER_SUBMIT, Operation.STATUS));
        }
        client.setDestinations(List.of("DVCQG"));
        return client;
    }

    private static ClientCertificateAuthenticator sampleCertificates() {
        Path home = Path.of("").toAbsolutePath();
        return new ClientCertificateAuthenticator(PROPERTIES, new ClientCertificateValidator(
                TrustAnchors.load(home, List.of(Path.of("certs-sample/trust-anchors.pem")), List.of()),
                RevocationLists.configure(home, List.of("certs-sample/sample-gov-ca.crl.pem"), Duration.ofHours(1),
                        Duration.ofSeconds(5), 1 << 20),
                Optional.empty()), Clock.systemUTC());
    }

    private static ClientCertificateAuthenticator certificateAuthenticator(boolean refuseSamples) {
        GatewayProperties.Client client = client("so-tu-phap-mtls", "unused-key-0123456789",
                List.of(ClientIdentity.ROLE_AGENCY), List.of("*.H56"));
        client.setCertificateOrganCodes(List.of("000.00.17.H56"));
        GatewayProperties properties = properties(client);
        properties.getMtls().setRefuseSampleCertificates(refuseSamples);
        Path home = Path.of("").toAbsolutePath();
        return new ClientCertificateAuthenticator(properties, new ClientCertificateValidator(
                TrustAnchors.load(home, List.of(Path.of("certs-sample/trust-anchors.pem")), List.of()),
                RevocationLists.configure(home, List.of("certs-sample/sample-gov-ca.crl.pem",
                        "certs-sample/root-ca.crl.pem"), Duration.ofHours(1), Duration.ofSeconds(5), 1 << 20),
                Optional.empty()), Clock.systemUTC());
    }

    private static Transport sampleClientChain() throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> chain = new java.util.ArrayList<>();
        for (String file : List.of("agency-000.00.17.H56-client.pem", "sample-gov-ca.pem")) {
            try (InputStream in = Files.newInputStream(Path.of("certs-sample", file))) {
                chain.add((X509Certificate) factory.generateCertificate(in));
            }
        }
        return new Transport(true, chain);
    }

    private static GatewayProperties properties(GatewayProperties.Client... clients) {
        GatewayProperties properties = new GatewayProperties();
        properties.setClients(List.of(clients));
        return properties;
    }

    private static String sha256(String key) {
        return Sha256.hex(key.getBytes(StandardCharsets.UTF_8));
    }

    private static Exchange exchange(String apiKey) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        if (apiKey != null) {
            exchange.getIn().setHeader(ApiKeyAuthenticator.HEADER, apiKey);
        }
        return exchange;
    }

    private static GatewayException refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        GatewayException e = catchThrowableOfType(GatewayException.class, call);
        assertThat(e).as("expected a GatewayException").isNotNull();
        return e;
    }
}
