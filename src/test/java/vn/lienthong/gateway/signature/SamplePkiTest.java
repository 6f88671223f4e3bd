package vn.lienthong.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed sample PKI of {@code certs-sample/} (made by {@code certs-sample/make-sample-pki.sh}) is what its
 * README says: every certificate says SAMPLE, the good ones chain to the sample root, the bad ones are bad for
 * their one reason. Only the JDK's {@code java.security} is used, so this also shows that Java reads the files.
 */
class SamplePkiTest {

    private static final Path DIR = Path.of("certs-sample");
    private static final char[] PASSWORD = "sandbox".toCharArray();
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    private static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String OU = "2.5.4.11";
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;
    private static final int KEY_CERT_SIGN = 5;
    private static final int CRL_SIGN = 6;
    private static final String REVOKED = "agency-000.00.19.H56-revoked";
    private static final String EXPIRED = "agency-000.00.20.H56-expired";
    private static final String WEAK = "agency-000.00.21.H56-weak-rsa1024";

    @Test
    void everyCertificateAndCrlInTheFolderSaysSample() throws Exception {
        List<X509Certificate> all = new ArrayList<>();
        List<Path> pems;
        try (Stream<Path> files = Files.list(DIR)) {
            pems = files.filter(p -> p.toString().endsWith(".pem"))
                    .filter(p -> !p.toString().endsWith(".key.pem") && !p.toString().endsWith(".crl.pem"))
                    .sorted().toList();
        }
        for (Path pem : pems) {
            all.addAll(certificates(pem));
        }
        List<Path> p12s;
        try (Stream<Path> files = Files.list(DIR)) {
            p12s = files.filter(p -> p.toString().endsWith(".p12")).sorted().toList();
        }
        for (Path p12 : p12s) {
            KeyStore store = pkcs12(p12.getFileName().toString());
            for (String alias : Collections.list(store.aliases())) {
                for (Certificate c : store.getCertificateChain(alias)) {
                    all.add((X509Certificate) c);
                }
            }
        }

        assertThat(pems).hasSize(19);
        assertThat(p12s).hasSize(8);
        assertThat(all).allSatisfy(c -> {
            assertThat(c.getSubjectX500Principal().getName()).contains("SAMPLE");
            assertThat(c.getIssuerX500Principal().getName()).contains("SAMPLE");
        });
        assertThat(Stream.of("root-ca.crl.pem", "sample-gov-ca.crl.pem", "sample-gov-ca.crl.der"))
                .allSatisfy(name -> assertThat(crl(name).getIssuerX500Principal().getName()).contains("SAMPLE"));
    }

    @Test
    void rootAndIntermediateAreCasAndTheBundlesHoldThem() throws Exception {
        X509Certificate root = certificate("root-ca.pem");
        X509Certificate intermediate = certificate("sample-gov-ca.pem");

        root.verify(root.getPublicKey());
        intermediate.verify(root.getPublicKey());
        assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(intermediate.getBasicConstraints()).isZero();
        assertThat(root.getKeyUsage()[KEY_CERT_SIGN]).isTrue();
        assertThat(root.getKeyUsage()[CRL_SIGN]).isTrue();
        assertThat(intermediate.getKeyUsage()[KEY_CERT_SIGN]).isTrue();
        assertThat(intermediate.getKeyUsage()[CRL_SIGN]).isTrue();
        assertThat(((RSAPublicKey) root.getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(((RSAPublicKey) intermediate.getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(certificates(DIR.resolve("trust-anchors.pem"))).containsExactly(root);
        assertThat(certificates(DIR.resolve("ca-chain.pem"))).containsExactly(intermediate, root);
    }

    @Test
    void gatewaySigningKeystoreOpensWithSandboxAndItsKeyChainsToTheRoot() throws Exception {
        KeyStore store = pkcs12("gateway-signing.p12");

        assertThat(Collections.list(store.aliases())).containsExactly("gateway-signing");
        assertThat(store.isKeyEntry("gateway-signing")).isTrue();
        PrivateKey key = (PrivateKey) store.getKey("gateway-signing", PASSWORD);
        assertThat(key.getAlgorithm()).isEqualTo("RSA");
        List<X509Certificate> chain = chain(store, "gateway-signing");
        X509Certificate signer = chain.get(0);
        assertThat(signer).isEqualTo(certificate("gateway-signing.pem"));
        assertThat(chain).containsExactlyElementsOf(certificates(DIR.resolve("gateway-signing-chain.pem")));
        assertThat(signer.getSubjectX500Principal().getName()).contains("SAMPLE Lien thong Gateway");
        assertThat(signer.getBasicConstraints()).isEqualTo(-1);
        assertThat(signer.getKeyUsage()[DIGITAL_SIGNATURE]).isTrue();
        assertThat(signer.getKeyUsage()[NON_REPUDIATION]).isTrue();
        assertThat(signer.getExtendedKeyUsage()).containsExactly(EMAIL_PROTECTION);
        assertThat(signer.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(keyMatches(key, signer)).isTrue();
        validate(signer, false);
    }

    @Test
    void tlsServerCertificateIsForLocalhostWithServerAuthAndChainsToTheRoot() throws Exception {
        KeyStore store = pkcs12("server-localhost.p12");
        List<X509Certificate> chain = chain(store, "server-localhost");
        X509Certificate server = chain.get(0);

        assertThat(server).isEqualTo(certificate("server-localhost.pem"));
        assertThat(store.getKey("server-localhost", PASSWORD)).isInstanceOf(PrivateKey.class);
        assertThat(server.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(server.getSubjectAlternativeNames())
                .contains(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        validate(server, true);
    }

    @Test
    void timestampingAuthorityHasOnlyACriticalTimeStampingPurposeAndChainsToTheRoot() throws Exception {
        KeyStore store = pkcs12("tsa.p12");
        List<X509Certificate> chain = chain(store, "tsa");
        X509Certificate tsa = chain.get(0);

        assertThat(tsa).isEqualTo(certificate("tsa.pem"));
        assertThat(chain).containsExactlyElementsOf(certificates(DIR.resolve("tsa-chain.pem")));
        assertThat(keyMatches((PrivateKey) store.getKey("tsa", PASSWORD), tsa)).isTrue();
        assertThat(tsa.getSubjectX500Principal().getName()).contains("CN=SAMPLE Timestamping Authority");
        assertThat(tsa.getExtendedKeyUsage()).containsExactly(TIME_STAMPING);
        assertThat(tsa.getCriticalExtensionOIDs()).contains(EXTENDED_KEY_USAGE);
        assertThat(tsa.getKeyUsage()[DIGITAL_SIGNATURE]).isTrue();
        assertThat(tsa.getBasicConstraints()).isEqualTo(-1);
        assertThat(meetsKeyPolicy(tsa)).isTrue();
        validate(tsa, true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000.00.17.H56", "000.00.18.H56", "000.00.00.G22"})
    void eachAgencyClientCertificateChainsHasClientAuthAndCarriesItsOrganCode(String organCode) throws Exception {
        String name = "agency-" + organCode + "-client";
        KeyStore store = pkcs12(name + ".p12");
        X509Certificate client = chain(store, name).get(0);

        assertThat(client).isEqualTo(certificate(name + ".pem"));
        assertThat(keyMatches((PrivateKey) store.getKey(name, PASSWORD), client)).isTrue();
        assertThat(client.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(client.getKeyUsage()[DIGITAL_SIGNATURE]).isTrue();
        assertThat(organizationalUnit(client)).isEqualTo(organCode);
        assertThat(client.getSubjectX500Principal().getName()).contains("OU=" + organCode, "O=SAMPLE", "C=VN");
        assertThat(meetsKeyPolicy(client)).isTrue();
        validate(client, true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000.00.17.H56", "000.00.18.H56", "000.00.00.G22"})
    void eachAgencySigningCertificateChainsIsForNonRepudiationAndCarriesItsOrganCode(String organCode)
            throws Exception {
        X509Certificate signing = certificate("agency-" + organCode + "-signing.pem");

        assertThat(signing.getKeyUsage()[DIGITAL_SIGNATURE]).isTrue();
        assertThat(signing.getKeyUsage()[NON_REPUDIATION]).isTrue();
        assertThat(signing.getExtendedKeyUsage()).containsExactly(EMAIL_PROTECTION);
        assertThat(organizationalUnit(signing)).isEqualTo(organCode);
        assertThat(signing.getSubjectX500Principal())
                .isEqualTo(certificate("agency-" + organCode + "-client.pem").getSubjectX500Principal());
        assertThat(meetsKeyPolicy(signing)).isTrue();
        validate(signing, true);
    }

    @Test
    void revokedCertificateIsListedInTheCrlThatTheIntermediateSigned() throws Exception {
        X509Certificate intermediate = certificate("sample-gov-ca.pem");
        X509Certificate revoked = certificate(REVOKED + ".pem");
        X509CRL pem = crl("sample-gov-ca.crl.pem");
        X509CRL der = crl("sample-gov-ca.crl.der");

        assertThat(der).isEqualTo(pem);
        pem.verify(intermediate.getPublicKey());
        assertThat(pem.getIssuerX500Principal()).isEqualTo(intermediate.getSubjectX500Principal());
        assertThat(pem.isRevoked(revoked)).isTrue();
        assertThat(pem.getRevokedCertificates()).hasSize(1);
        assertThat(pem.getNextUpdate()).isAfter(new java.util.Date(System.currentTimeMillis() + 365L * 86_400_000));
        assertThat(Stream.of("agency-000.00.17.H56-client.pem", "gateway-signing.pem", "server-localhost.pem"))
                .allSatisfy(name -> assertThat(pem.isRevoked(certificate(name))).isFalse());
        assertThat(organizationalUnit(revoked)).isEqualTo("000.00.19.H56");

        X509CRL rootCrl = crl("root-ca.crl.pem");
        rootCrl.verify(certificate("root-ca.pem").getPublicKey());
        assertThat(rootCrl.getRevokedCertificates()).isNull();
    }

    @Test
    void pkixValidationWithTheCrlsRejectsTheRevokedCertificateAndAcceptsAGoodOne() throws Exception {
        validate(certificate("agency-000.00.18.H56-client.pem"), true);

        assertThatThrownBy(() -> validate(certificate(REVOKED + ".pem"), true))
                .isInstanceOfSatisfying(CertPathValidatorException.class, e -> assertThat(e.getReason())
                        .isEqualTo(CertPathValidatorException.BasicReason.REVOKED));
        // without revocation checking the revoked certificate is otherwise sound
        validate(certificate(REVOKED + ".pem"), false);
    }

    @Test
    void expiredCertificateFailsCheckValidityAndPkix() throws Exception {
        X509Certificate expired = certificate(EXPIRED + ".pem");

        assertThatThrownBy(expired::checkValidity).isInstanceOf(CertificateExpiredException.class);
        assertThat(expired.getNotAfter()).isBefore(new java.util.Date());
        assertThat(organizationalUnit(expired)).isEqualTo("000.00.20.H56");
        assertThatThrownBy(() -> validate(expired, false))
                .isInstanceOfSatisfying(CertPathValidatorException.class, e -> assertThat(e.getReason())
                        .isEqualTo(CertPathValidatorException.BasicReason.EXPIRED));
        assertThat(chain(pkcs12(EXPIRED + ".p12"), EXPIRED).get(0)).isEqualTo(expired);
    }

    @Test
    void weakCertificateHasA1024BitRsaModulusAndOtherwiseChains() throws Exception {
        X509Certificate weak = certificate(WEAK + ".pem");

        assertThat(((RSAPublicKey) weak.getPublicKey()).getModulus().bitLength()).isEqualTo(1024);
        assertThat(meetsKeyPolicy(weak)).isFalse();
        assertThat(organizationalUnit(weak)).isEqualTo("000.00.21.H56");
        weak.verify(certificate("sample-gov-ca.pem").getPublicKey());
    }

    // -----------------------------------------------------------------------------------------------------------

    /** PKIX from the sample root, through the intermediate; with revocation, by the two CRLs only (no OCSP). */
    private static void validate(X509Certificate target, boolean revocation) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        CertPath path = factory.generateCertPath(List.of(target, certificate("sample-gov-ca.pem")));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(certificate("root-ca.pem"), null)));
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        if (revocation) {
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(
                    List.of(crl("sample-gov-ca.crl.pem"), crl("root-ca.crl.pem")))));
            PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
            checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                    PKIXRevocationChecker.Option.NO_FALLBACK));
            parameters.addCertPathChecker(checker);
        } else {
            parameters.setRevocationEnabled(false);
        }
        validator.validate(path, parameters);
    }

    /** The policy of DESIGN.md §9 for keys: RSA at least 2048 bits, EC at least P-256. */
    private static boolean meetsKeyPolicy(X509Certificate certificate) {
        if (certificate.getPublicKey() instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength() >= 2048;
        }
        return certificate.getPublicKey() instanceof ECPublicKey ec && ec.getParams().getOrder().bitLength() >= 256;
    }

    private static boolean keyMatches(PrivateKey key, X509Certificate certificate) throws Exception {
        String algorithm = certificate.getPublicKey() instanceof RSAPublicKey ? "SHA256withRSA" : "SHA256withECDSA";
        byte[] data = "SAMPLE".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.security.Signature signer = java.security.Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
        verifier.initVerify(certificate);
        verifier.update(data);
        return verifier.verify(signature);
    }

    private static String organizationalUnit(X509Certificate certificate) {
        return Arrays.stream(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253).split(","))
                .filter(rdn -> rdn.startsWith("OU=") || rdn.startsWith(OU + "="))
                .map(rdn -> rdn.substring(rdn.indexOf('=') + 1))
                .findFirst().orElse(null);
    }

    private static List<X509Certificate> chain(KeyStore store, String alias) throws Exception {
        Certificate[] chain = store.getCertificateChain(alias);
        assertThat(chain).as("chain of %s", alias).isNotNull().hasSize(3);
        return Arrays.stream(chain).map(X509Certificate.class::cast).toList();
    }

    private static KeyStore pkcs12(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(DIR.resolve(name))) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static X509Certificate certificate(String name) {
        List<X509Certificate> certificates = certificates(DIR.resolve(name));
        assertThat(certificates).as(name).hasSize(1);
        return certificates.get(0);
    }

    private static List<X509Certificate> certificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (IOException | java.security.cert.CertificateException e) {
            throw new IllegalStateException(file + " is not readable: run certs-sample/make-sample-pki.sh", e);
        }
    }

    private static X509CRL crl(String name) {
        try (InputStream in = Files.newInputStream(DIR.resolve(name))) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(name + " is not readable: run certs-sample/make-sample-pki.sh", e);
        }
    }
}
