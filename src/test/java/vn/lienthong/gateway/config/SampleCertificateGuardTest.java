package vn.lienthong.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import vn.lienthong.gateway.messagelog.TsaProperties;
import vn.lienthong.gateway.signature.TrustProperties;

/**
 * The production profile does not start with a certificate of the sample PKI (SAMPLE in its subject) in the mTLS
 * keystore, the trust anchors, the signing keystore or the TSA's anchors, and names the setting and the file.
 */
class SampleCertificateGuardTest {

    private static final Path HOME = Path.of("").toAbsolutePath();

    @TempDir
    Path own;

    private final ApplicationContextRunner production = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, SampleCertificateGuard.class)
            .withPropertyValues("spring.profiles.active=production", "lienthong.home=" + HOME,
                    "lienthong.data-dir=target/guard", "lienthong.routes-dir=routes", "lienthong.schemas-dir=schemas",
                    "lienthong.mtls.keystore=certs-sample/server-localhost.p12",
                    "lienthong.mtls.keystore-password=sandbox",
                    "lienthong.trust.anchors=certs-sample/trust-anchors.pem",
                    "lienthong.log.signing-keystore=certs-sample/gateway-signing.p12",
                    "lienthong.log.signing-password=sandbox",
                    "lienthong.log.tsa.trust-anchors=certs-sample/trust-anchors.pem");

    @Test
    void refusesTheSampleServerKeyOfTheMtlsPort() {
        production.run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("Setting lienthong.mtls.keystore names " + HOME.resolve(
                        "certs-sample/server-localhost.p12"))
                .hasMessageContaining("CN=SAMPLE localhost"));
    }

    @Test
    void refusesSampleTrustAnchors() throws Exception {
        writeOwnKeystore("server.p12");
        production.withPropertyValues("lienthong.mtls.keystore=" + own.resolve("server.p12"))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("Setting lienthong.trust.anchors[0] names "
                                + HOME.resolve("certs-sample/trust-anchors.pem")));
    }

    @Test
    void refusesTheSampleSigningKeyAndTheSampleTsaAnchors() throws Exception {
        writeOwnKeystore("server.p12");
        writeOwnPem("anchors.pem");
        ApplicationContextRunner ownTls = production.withPropertyValues(
                "lienthong.mtls.keystore=" + own.resolve("server.p12"),
                "lienthong.trust.anchors=" + own.resolve("anchors.pem"));

        ownTls.run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("Setting lienthong.log.signing-keystore names "
                        + HOME.resolve("certs-sample/gateway-signing.p12")));
        ownTls.withPropertyValues("lienthong.log.signing-keystore=" + own.resolve("server.p12"))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("Setting lienthong.log.tsa.trust-anchors[0] names "
                                + HOME.resolve("certs-sample/trust-anchors.pem")));
    }

    @Test
    void startsWithCertificatesOfItsOwn() throws Exception {
        writeOwnKeystore("server.p12");
        writeOwnPem("anchors.pem");

        production.withPropertyValues("lienthong.mtls.keystore=" + own.resolve("server.p12"),
                        "lienthong.trust.anchors=" + own.resolve("anchors.pem"),
                        "lienthong.log.signing-keystore=" + own.resolve("server.p12"),
                        "lienthong.log.tsa.trust-anchors=" + own.resolve("anchors.pem"))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(SampleCertificateGuard.class));
    }

    @Test
    void leavesTheSandboxAlone() {
        production.withPropertyValues("spring.profiles.active=sandbox")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SampleCertificateGuard.class));
    }

    private static X509Certificate ownCertificate(KeyPair key) throws Exception {
        X500Name name = new X500Name("CN=So Thong tin va Truyen thong, O=UBND tinh, C=VN");
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), name,
                key.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private void writeOwnKeystore(String file) throws Exception {
        KeyPair key = rsa();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("own", key.getPrivate(), "sandbox".toCharArray(),
                new X509Certificate[] {ownCertificate(key)});
        try (OutputStream out = Files.newOutputStream(own.resolve(file))) {
            store.store(out, "sandbox".toCharArray());
        }
    }

    private void writeOwnPem(String file) throws Exception {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(ownCertificate(rsa()));
        }
        Files.writeString(own.resolve(file), pem.toString());
    }

    @EnableConfigurationProperties({GatewayProperties.class, TrustProperties.class, TsaProperties.class})
    static class Settings {
    }
}
