package vn.lienthong.gateway.signature;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Timestamping authorities for tests: the sandbox one of {@code certs-sample/}, and throwaway ones made on the spot. */
final class TimestampAuthorities {

    static final String SANDBOX_POLICY = "2.999.3161.1";
    static final List<X509Certificate> SAMPLE_ANCHORS = PemCertificates.read(Path.of("certs-sample/trust-anchors.pem"));

    private TimestampAuthorities() {
    }

    /** The sandbox authority ({@code certs-sample/tsa.p12}), which chains to the sample root. */
    static SigningIdentity sandbox() {
        return SigningIdentity.fromPkcs12(Path.of("certs-sample/tsa.p12"), "sandbox".toCharArray(), null);
    }

    /** A responder signing with the sandbox authority's key. */
    static TimestampResponder sandboxResponder() {
        return new TimestampResponder(sandbox(), SANDBOX_POLICY, Clock.systemUTC());
    }

    /** A well-formed authority (critical timeStamping purpose) under a root of its own, which nobody trusts. */
    static SigningIdentity untrusted() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair rootKeys = generator.generateKeyPair();
        KeyPair tsaKeys = generator.generateKeyPair();
        X500Name rootName = new X500Name("CN=Stranger Root, O=Elsewhere");
        Instant now = Instant.now();
        X509Certificate root = convert(new JcaX509v3CertificateBuilder(rootName, BigInteger.ONE,
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)), rootName,
                rootKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(rootKeys.getPrivate())));
        X509Certificate tsa = convert(new JcaX509v3CertificateBuilder(rootName, BigInteger.TWO,
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)),
                new X500Name("CN=Stranger Timestamping Authority, O=Elsewhere"), tsaKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(rootKeys.getPrivate())));
        return new SigningIdentity(tsaKeys.getPrivate(), List.of(tsa, root));
    }

    private static X509Certificate convert(org.bouncycastle.cert.X509CertificateHolder holder) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }
}
