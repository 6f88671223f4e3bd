package vn.lienthong.gateway.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** The files of {@code certs-sample/} as tests use them, and throwaway certificates and CRLs made on the spot. */
public final class SamplePki {

    public static final Path DIR = Path.of("certs-sample");
    public static final String GOOD_EC = "agency-000.00.17.H56-signing";
    public static final String GOOD_RSA = "agency-000.00.18.H56-signing";
    public static final String REVOKED = "agency-000.00.19.H56-revoked";
    public static final String EXPIRED = "agency-000.00.20.H56-expired";
    public static final String WEAK = "agency-000.00.21.H56-weak-rsa1024";
    public static final String INTERMEDIATE = "sample-gov-ca";
    static final List<String> SAMPLE_CRLS = List.of("certs-sample/sample-gov-ca.crl.pem", "certs-sample/root-ca.crl.pem");

    private SamplePki() {
    }

    /** A verifier trusting the sample root, with the given CRL locations. */
    static CmsSignatureVerifier verifier(List<String> crls) {
        return verifier(crls, List.of());
    }

    static CmsSignatureVerifier verifier(List<String> crls, List<Path> intermediates) {
        Path home = Path.of("").toAbsolutePath();
        return new CmsSignatureVerifier(
                TrustAnchors.load(home, List.of(DIR.resolve("trust-anchors.pem")), intermediates),
                RevocationLists.configure(home, crls, Duration.ofHours(1), Duration.ofSeconds(5), 1 << 20),
                Clock.systemUTC());
    }

    public static PrivateKey key(String name) {
        try (Reader in = Files.newBufferedReader(DIR.resolve(name + ".key.pem"))) {
            return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) new PEMParser(in).readObject());
        } catch (IOException e) {
            throw new IllegalStateException(name + ".key.pem is not readable", e);
        }
    }

    public static X509Certificate certificate(String name) {
        return certificates(name + ".pem").get(0);
    }

    static List<X509Certificate> certificates(String file) {
        try (InputStream in = Files.newInputStream(DIR.resolve(file))) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (IOException | java.security.cert.CertificateException e) {
            throw new IllegalStateException(file + " is not readable", e);
        }
    }

    /** The signer with its certificate and the sample intermediate, as agencies send it. */
    static CmsTestSigner signer(String name) {
        return new CmsTestSigner(key(name), List.of(certificate(name), certificate(INTERMEDIATE)));
    }

    static KeyPair keyPair(String type) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
            if (type.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate valid from yesterday for a year, issued by the given name and key. */
    static X509Certificate issue(X500Name issuer, PrivateKey issuerKey, String subject, PublicKey key, boolean ca,
                                 int keyUsage) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(365))), new X500Name(subject), key);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder(algorithm(issuerKey)).build(issuerKey)));
    }

    /** A CRL by the sample intermediate, listing nothing, valid between the two times given. */
    static X509CRL intermediateCrl(Instant thisUpdate, Instant nextUpdate, X509Certificate... revoked)
            throws Exception {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(certificate(INTERMEDIATE).getSubjectX500Principal().getEncoded()),
                Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (X509Certificate certificate : revoked) {
            builder.addCRLEntry(certificate.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
        }
        PrivateKey key = key(INTERMEDIATE);
        return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder(algorithm(key)).build(key)));
    }

    static String algorithm(PrivateKey key) {
        return key.getAlgorithm().startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    }
}
