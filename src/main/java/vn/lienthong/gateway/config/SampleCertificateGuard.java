package vn.lienthong.gateway.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.messagelog.TsaProperties;
import vn.lienthong.gateway.signature.TrustProperties;

/**
 * Stops the production profile from starting with a sample certificate: every certificate of the mTLS server
 * keystore, the trust anchors and intermediates, the gateway's signing keystore and the TSA's trust anchors is read,
 * and one with {@code SAMPLE} in its subject fails start-up with the setting and the file named.
 */
@Component
@Profile("production")
class SampleCertificateGuard {

    static final String MARK = "SAMPLE";

    SampleCertificateGuard(GatewayProperties gateway, TrustProperties trust, TsaProperties tsa) {
        Path home = gateway.getHome();
        if (gateway.getMtls().getPort() != 0) {
            refuseSamples("lienthong.mtls.keystore", home.resolve(gateway.getMtls().getKeystore()),
                    keystore(home.resolve(gateway.getMtls().getKeystore()), gateway.getMtls().getKeystorePassword(),
                            "lienthong.mtls.keystore"));
        }
        refuseSamplesInPemFiles("lienthong.trust.anchors", home, trust.getAnchors());
        refuseSamplesInPemFiles("lienthong.trust.intermediates", home, trust.getIntermediates());
        Path signing = home.resolve(gateway.getLog().getSigningKeystore());
        refuseSamples("lienthong.log.signing-keystore", signing,
                keystore(signing, gateway.getLog().getSigningPassword(), "lienthong.log.signing-keystore"));
        refuseSamplesInPemFiles("lienthong.log.tsa.trust-anchors", home, tsa.getTrustAnchors());
    }

    private static void refuseSamplesInPemFiles(String setting, Path home, List<Path> files) {
        for (int i = 0; i < files.size(); i++) {
            Path file = home.resolve(files.get(i));
            refuseSamples(setting + "[" + i + "]", file, pem(file, setting + "[" + i + "]"));
        }
    }

    private static void refuseSamples(String setting, Path file, List<X509Certificate> certificates) {
        for (X509Certificate certificate : certificates) {
            String subject = certificate.getSubjectX500Principal().getName();
            if (subject.toUpperCase(Locale.ROOT).contains(MARK)) {
                throw new IllegalStateException("Setting " + setting + " names " + file.normalize()
                        + ", which holds the sample certificate " + subject + " (" + MARK + " in its subject); "
                        + "the production profile does not start with the sample PKI of certs-sample/");
            }
        }
    }

    private static List<X509Certificate> pem(Path file, String setting) {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Setting " + setting + " names " + file.normalize()
                    + ", which cannot be read as PEM certificates: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> keystore(Path file, String password, String setting) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            List<X509Certificate> found = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                Certificate[] chain = store.getCertificateChain(alias);
                Certificate single = store.getCertificate(alias);
                List<Certificate> certificates = chain != null ? List.of(chain)
                        : single != null ? List.of(single) : List.of();
                certificates.stream().filter(X509Certificate.class::isInstance).map(X509Certificate.class::cast)
                        .forEach(found::add);
            }
            return found;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Setting " + setting + " names " + file.normalize()
                    + ", which cannot be read as a PKCS#12 keystore with its password: " + e.getMessage(), e);
        }
    }
}
