package vn.lienthong.gateway.ingress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.config.GatewayProperties;

/**
 * Adds the HTTPS connector of {@code lienthong.mtls.*} to Tomcat: it asks every client for a certificate but takes
 * whatever is presented ({@link DeferredClientTrust}), so that the gateway judges the certificate per request and
 * answers a refusal as a problem, recorded in the message log; and tells whether a request came by it.
 */
@Component
public class MtlsConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /** The {@code lienthong.mtls.port} value that takes a free port (0 turns the connector off). */
    public static final int ANY_FREE_PORT = -1;
    static final String CLIENT_CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final GatewayProperties.Mtls settings;
    private final Path keystore;
    private volatile Connector connector;

    MtlsConnector(GatewayProperties properties) {
        this.settings = properties.getMtls();
        this.keystore = properties.getHome().resolve(settings.getKeystore()).toAbsolutePath().normalize();
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (settings.getPort() == 0) {
            return;
        }
        requireReadableKeystore();
        Connector https = new Connector(Http11NioProtocol.class.getName());
        https.setPort(settings.getPort() == ANY_FREE_PORT ? 0 : settings.getPort());
        https.setScheme("https");
        https.setSecure(true);
        EncodedSlashes.keepEncoded(https);
        Http11NioProtocol protocol = (Http11NioProtocol) https.getProtocolHandler();
        protocol.setSSLEnabled(true);
        protocol.addSslHostConfig(hostConfig());
        factory.addAdditionalTomcatConnectors(https);
        this.connector = https;
    }

    /** The port the mTLS connector listens on, or -1 when it is off or not started. */
    public int port() {
        Connector https = connector;
        return https == null ? -1 : https.getLocalPort();
    }

    /** Whether the request came by the mTLS connector (judged by the local port the container accepted it on). */
    public boolean carries(HttpServletRequest request) {
        int port = port();
        return port > 0 && request.getLocalPort() == port;
    }

    private SSLHostConfig hostConfig() {
        SSLHostConfig host = new SSLHostConfig();
        host.setProtocols("TLSv1.2+TLSv1.3");
        host.setCertificateVerification(SSLHostConfig.CertificateVerification.OPTIONAL_NO_CA.name());
        host.setTrustManagerClassName(DeferredClientTrust.class.getName());
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(keystore.toString());
        certificate.setCertificateKeystorePassword(settings.getKeystorePassword());
        certificate.setCertificateKeystoreType("PKCS12");
        if (settings.getKeystoreAlias() != null) {
            certificate.setCertificateKeyAlias(settings.getKeystoreAlias());
        }
        host.addCertificate(certificate);
        return host;
    }

    /** Fails start-up with the setting and the file named, rather than with Tomcat's connector failure. */
    private void requireReadableKeystore() {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore.getInstance("PKCS12").load(in, settings.getKeystorePassword().toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Setting lienthong.mtls.keystore names " + keystore
                    + ", which cannot be read with lienthong.mtls.keystore-password: " + e.getMessage(), e);
        }
    }
}
