package vn.lienthong.gateway.simulator;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Makes X-Payload-Signature values for simulator tests with Bouncy Castle directly, as a platform's client would. */
record PayloadSigning(PrivateKey key, List<X509Certificate> certificates) {

    /** The sample gateway key of certs-sample/ with its certificate and intermediate. */
    static PayloadSigning gateway() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("certs-sample/gateway-signing.p12"))) {
            store.load(in, "sandbox".toCharArray());
        }
        String alias = store.aliases().nextElement();
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : store.getCertificateChain(alias)) {
            chain.add((X509Certificate) certificate);
        }
        return new PayloadSigning((PrivateKey) store.getKey(alias, "sandbox".toCharArray()), chain.subList(0, 2));
    }

    /** A key under a root the simulator does not trust. */
    static PayloadSigning selfSigned() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Impostor,O=Elsewhere,C=VN");
        Instant now = Instant.now();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.ONE, Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)),
                name, keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        return new PayloadSigning(keys.getPrivate(), List.of(certificate));
    }

    /** A SignedData of the body with no signer at all. */
    static String withoutSigners(byte[] body) throws Exception {
        return Base64.getEncoder().encodeToString(new CMSSignedDataGenerator()
                .generate(new CMSProcessableByteArray(body), false).getEncoded());
    }

    /** A detached CMS signature of the body, base64 of DER. */
    String sign(byte[] body) throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key), certificates.get(0)));
        generator.addCertificates(new JcaCertStore(certificates));
        return Base64.getEncoder().encodeToString(generator.generate(new CMSProcessableByteArray(body), false)
                .getEncoded("DER"));
    }
}
