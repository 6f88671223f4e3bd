package vn.lienthong.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** One verifier built for a signer checks many detached signatures, refusing altered content and other signers. */
class CmsSignerVerifierTest {

    private static final SigningIdentity GATEWAY = SigningIdentity.fromPkcs12(Path.of("certs-sample/gateway-signing.p12"),
            "sandbox".toCharArray(), null);
    private static final SigningIdentity AGENCY = new SigningIdentity(
            GATEWAY.privateKey(), List.of(readPem("certs-sample/agency-000.00.17.H56-signing.pem")));

    @Test
    void acceptsManySignaturesOfItsSignerAndRefusesAlteredContent() {
        CmsSigner signer = new CmsSigner(GATEWAY);
        CmsSignerVerifier verifier = new CmsSignerVerifier(GATEWAY.certificate());
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            contents.add(("{\"size\":" + i + "}").getBytes(StandardCharsets.US_ASCII));
        }

        for (byte[] content : contents) {
            byte[] signature = signer.signDetached(content);
            assertThat(verifier.verifiesDetached(content, signature)).isTrue();
            assertThat(verifier.verifiesDetached("{\"size\":9}".getBytes(StandardCharsets.US_ASCII), signature)).isFalse();
        }
        assertThat(verifier.verifiesDetached(contents.get(0), new byte[] {0x30, 0x00})).isFalse();
    }

    @Test
    void refusesASignatureWhoseSignerIsAnotherCertificate() {
        byte[] content = "tree head".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = new CmsSigner(GATEWAY).signDetached(content);

        assertThat(new CmsSignerVerifier(AGENCY.certificate()).verifiesDetached(content, signature)).isFalse();
    }

    private static java.security.cert.X509Certificate readPem(String file) {
        try (var in = java.nio.file.Files.newInputStream(Path.of(file))) {
            return (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
