package vn.lienthong.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.lienthong.gateway.RequiresTool;
import vn.lienthong.gateway.messagelog.TreeHead;

/** A tree head signed by the gateway verifies with Bouncy Castle and with {@code openssl cms -verify}; a change does not. */
class CmsSignerTest {

    private static final byte[] ROOT = HexFormat.of()
            .parseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "EC"})
    void signsATreeHeadSoThatItsSignerVerifiesIt(String keyType) throws Exception {
        SigningIdentity identity = selfSigned(keyType);
        byte[] head = new TreeHead("node-1", 8, ROOT, Instant.parse("2024-01-01T01:00:00Z")).canonicalBytes();

        byte[] signature = new CmsSigner(identity).signDetached(head);

        assertThat(verifies(signature, head, identity.certificate())).isTrue();
        byte[] changed = head.clone();
        changed[changed.length - 3] ^= 1;
        assertThat(verifies(signature, changed, identity.certificate())).isFalse();
    }

    @Test
    void carriesTheSignersCertificateAndSignedAttributes() throws Exception {
        SigningIdentity identity = selfSigned("RSA");

        CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(new byte[] {1}),
                new CmsSigner(identity).signDetached(new byte[] {1}));

        assertThat(signed.getCertificates().getMatches(null)).hasSize(1);
        byte[] encoded = new CmsSigner(identity).signDetached(new byte[] {1});
        assertThat(encoded[1] & 0xff).as("definite length (DER), not BER's indefinite 0x80").isNotEqualTo(0x80);
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        assertThat(signer.getDigestAlgOID()).isEqualTo("2.16.840.1.101.3.4.2.1");
        assertThat(signer.getSignedAttributes().toHashtable()).containsKeys(
                org.bouncycastle.asn1.cms.CMSAttributes.contentType,
                org.bouncycastle.asn1.cms.CMSAttributes.messageDigest,
                org.bouncycastle.asn1.cms.CMSAttributes.signingTime);
    }

    @Test
    @RequiresTool(value = "openssl", probe = "version")
    void verifiesWithOpensslAndFailsForAChangedHead() throws Exception {
        SigningIdentity identity = selfSigned("RSA");
        byte[] head = new TreeHead("node-1", 8, ROOT, Instant.parse("2024-01-01T01:00:00Z")).canonicalBytes();
        Path content = Files.write(dir.resolve("head.json"), head);
        Path signature = Files.write(dir.resolve("head.p7s"), new CmsSigner(identity).signDetached(head));
        Path anchor = Files.writeString(dir.resolve("anchor.pem"), pem(identity.certificate()));

        assertThat(openssl(content, signature, anchor)).isZero();

        Files.write(content, new String(head, StandardCharsets.US_ASCII).replace("\"size\":8", "\"size\":7")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(openssl(content, signature, anchor)).isNotZero();
    }

    @Test
    @RequiresTool(value = "openssl", probe = "version")
    void signsWithTheSampleGatewayKeySoThatOpensslVerifiesItAgainstTheSampleRoot() throws Exception {
        SigningIdentity gateway = SigningIdentity.fromPkcs12(Path.of("certs-sample/gateway-signing.p12"),
                "sandbox".toCharArray(), null);
        byte[] head = new TreeHead("node-1", 1_000_000, ROOT, Instant.now()).canonicalBytes();
        Path content = Files.write(dir.resolve("head.json"), head);
        Path signature = Files.write(dir.resolve("head.p7s"), new CmsSigner(gateway).signDetached(head));

        assertThat(gateway.chain()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(gateway.certificate().getSubjectX500Principal().getName()).contains("SAMPLE");
        assertThat(openssl(content, signature, Path.of("certs-sample/trust-anchors.pem").toAbsolutePath())).isZero();
    }

    @Test
    void readsTheKeyEntryOfAPkcs12File() throws Exception {
        SigningIdentity made = selfSigned("EC");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("gateway", made.privateKey(), "pw".toCharArray(), made.chain().toArray(Certificate[]::new));
        Path file = dir.resolve("gateway.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "pw".toCharArray());
        }

        SigningIdentity read = SigningIdentity.fromPkcs12(file, "pw".toCharArray(), null);

        assertThat(read.certificate()).isEqualTo(made.certificate());
        assertThat(read.privateKey().getEncoded()).isEqualTo(made.privateKey().getEncoded());
    }

    private static boolean verifies(byte[] signature, byte[] content, X509Certificate certificate) throws Exception {
        CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException e) {
            return false;
        }
    }

    private int openssl(Path content, Path signature, Path anchor) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER",
                "-in", signature.toString(), "-content", content.toString(), "-CAfile", anchor.toString(),
                "-purpose", "any", "-out", dir.resolve("out.bin").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    private static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static SigningIdentity selfSigned(String keyType) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(keyType);
        if ("EC".equals(keyType)) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            generator.initialize(2048);
        }
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=TEST gateway signer, O=TEST");
        Instant now = Instant.now();
        X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)), name,
                keys.getPublic())
                .build(new JcaContentSignerBuilder("EC".equals(keyType) ? "SHA256withECDSA" : "SHA256withRSA")
                        .build(keys.getPrivate()));
        return new SigningIdentity(keys.getPrivate(), List.of(new JcaX509CertificateConverter().getCertificate(holder)));
    }
}
