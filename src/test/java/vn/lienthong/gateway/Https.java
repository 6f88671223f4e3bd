package vn.lienthong.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An HTTPS client for end-to-end tests against the gateway's mTLS port: it trusts the sample root and presents the
 * client key and chain it was made with (or none).
 */
public final class Https {

    public static final char[] PASSWORD = "sandbox".toCharArray();
    private static final Path SAMPLES = Path.of("certs-sample");

    private final HttpClient client;
    private final String base;

    private Https(int port, KeyStore clientKey) {
        this.base = "https://localhost:" + port;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .sslContext(sslContext(clientKey)).build();
    }

    /** A client presenting the key and chain of a sample PKCS#12 file, e.g. {@code agency-000.00.17.H56-client}. */
    public static Https withSampleKeystore(int port, String name) {
        try (InputStream in = Files.newInputStream(SAMPLES.resolve(name + ".p12"))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            return new Https(port, store);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(name + ".p12 is not readable", e);
        }
    }

    /** A client presenting a sample certificate made from its PEM files, with the sample intermediate. */
    public static Https withSamplePem(int port, String name) {
        return new Https(port, keystore(key(name), certificate(name + ".pem"), certificate("sample-gov-ca.pem")));
    }

    /** A client presenting a certificate for the organ code from a CA made here, which the gateway does not trust. */
    public static Https withUntrustedCertificate(int port, String organCode) {
        try {
            KeyPair ca = rsa();
            X500Name caName = new X500Name("CN=Throw-away CA, O=Test, C=VN");
            X509Certificate caCertificate = issue(caName, ca.getPrivate(), caName, ca, true);
            KeyPair client = rsa();
            X509Certificate clientCertificate = issue(caName, ca.getPrivate(),
                    new X500Name("CN=UBND xa Gia mao, OU=" + organCode + ", O=Test, C=VN"), client, false);
            return new Https(port, keystore(client.getPrivate(), clientCertificate, caCertificate));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client presenting no certificate. */
    public static Https withoutCertificate(int port) {
        return new Https(port, null);
    }

    public HttpResponse<String> post(String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("HTTPS call failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext sslContext(KeyStore clientKey) {
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            anchors.setCertificateEntry("root", certificate("trust-anchors.pem"));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(clientKey, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(clientKey == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore keystore(PrivateKey key, X509Certificate... chain) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", key, PASSWORD, chain);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(String file) {
        try (InputStream in = Files.newInputStream(SAMPLES.resolve(file))) {
            Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            return (X509Certificate) certificate;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(file + " is not readable", e);
        }
    }

    private static PrivateKey key(String name) {
        try (Reader in = Files.newBufferedReader(SAMPLES.resolve(name + ".key.pem"))) {
            return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) new PEMParser(in).readObject());
        } catch (IOException e) {
            throw new IllegalStateException(name + ".key.pem is not readable", e);
        }
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate issue(X500Name issuer, PrivateKey issuerKey, X500Name subject, KeyPair key,
                                         boolean ca) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(365))), subject, key.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (ca) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }
}
