package vn.lienthong.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lienthong.gateway.signature.XmlTestSigner.EDXML;
import static vn.lienthong.gateway.signature.XmlTestSigner.EDXML_NS;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import javax.xml.crypto.dsig.XMLSignature;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The gateway's XML signatures: where they go, what they carry, and that the gateway's own verifier finds them VALID
 * (and INVALID once the document changes); the field samples of edXML are signed with their placeholder replaced.
 */
class XmlSignerTest {

    static final Path FIELD_SAMPLE = Path.of("samples/edxml/edoc_new.edxml");

    private final XmlSigner gateway = new XmlSigner(gatewayIdentity());
    private final XmlSignatureVerifier verifier = verifier();

    @Test
    void signsEdxmlInItsHeaderSoThatTheGatewayVerifierFindsItValid() throws Exception {
        byte[] signed = gateway.sign(EDXML.strip().getBytes(StandardCharsets.UTF_8), SignaturePlacement.EDXML_HEADER);

        VerificationReport report = verifier.verify(signed);
        assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.Status.VALID);
        SignerDetails signer = report.signatures().get(0).signer();
        assertThat(signer.subject()).isEqualTo(gatewayIdentity().certificate().getSubjectX500Principal().getName());
        assertThat(signer.algorithm()).isEqualTo("SHA256withRSA");

        Document document = XmlTestSigner.parse(signed);
        Element header = (Element) document.getElementsByTagNameNS(EDXML_NS, "edXMLHeader").item(0);
        Element last = lastElementChild(header);
        assertThat(last.getNamespaceURI()).isEqualTo(XMLSignature.XMLNS);
        assertThat(last.getLocalName()).isEqualTo("Signature");
        assertThat(last.getPrefix()).isEqualTo("ds");
        assertThat(attribute(document, "Reference", "URI")).isEmpty();
        assertThat(attributes(document, "Transform", "Algorithm")).containsExactly(
                "http://www.w3.org/2000/09/xmldsig#enveloped-signature", "http://www.w3.org/2001/10/xml-exc-c14n#");
        assertThat(attribute(document, "CanonicalizationMethod", "Algorithm"))
                .isEqualTo("http://www.w3.org/2001/10/xml-exc-c14n#");
        assertThat(attribute(document, "SignatureMethod", "Algorithm"))
                .isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        assertThat(attribute(document, "DigestMethod", "Algorithm"))
                .isEqualTo("http://www.w3.org/2001/04/xmlenc#sha256");
    }

    @Test
    void keyInfoCarriesTheSignerCertificateThenItsIntermediateButNotTheRoot() throws Exception {
        Document document = XmlTestSigner.parse(gateway.sign(EDXML.strip().getBytes(StandardCharsets.UTF_8),
                SignaturePlacement.EDXML_HEADER));

        NodeList certificates = document.getElementsByTagNameNS(XMLSignature.XMLNS, "X509Certificate");
        List<X509Text> found = IntStream.range(0, certificates.getLength())
                .mapToObj(i -> new X509Text(certificates.item(i).getTextContent())).toList();
        assertThat(found).extracting(X509Text::subject).containsExactly(
                gatewayIdentity().certificate().getSubjectX500Principal().getName(),
                SamplePki.certificate(SamplePki.INTERMEDIATE).getSubjectX500Principal().getName());
    }

    @Test
    void ecKeySignsWithEcdsaSha256() {
        SigningIdentity agency = new SigningIdentity(SamplePki.key(SamplePki.GOOD_EC),
                List.of(SamplePki.certificate(SamplePki.GOOD_EC), SamplePki.certificate(SamplePki.INTERMEDIATE)));

        VerificationReport report = verifier.verify(new XmlSigner(agency).sign(
                EDXML.strip().getBytes(StandardCharsets.UTF_8), SignaturePlacement.EDXML_HEADER));

        assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.Status.VALID);
        assertThat(report.signatures().get(0).signer().algorithm()).isEqualTo("SHA256withECDSA");
        assertThat(report.signatures().get(0).signer().organId()).isEqualTo("000.00.17.H56");
    }

    @Test
    void fieldSampleIsSignedWithItsPlaceholderReplacedAndItsAttachmentCovered() throws Exception {
        byte[] signed = gateway.sign(Files.readAllBytes(FIELD_SAMPLE), SignaturePlacement.EDXML_HEADER);

        VerificationReport report = verifier.verify(signed);
        assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.Status.VALID);
        Document document = XmlTestSigner.parse(signed);
        Element header = (Element) document.getElementsByTagNameNS(EDXML_NS, "edXMLHeader").item(0);
        assertThat(document.getElementsByTagNameNS("*", "Signature").getLength()).isEqualTo(1);
        assertThat(lastElementChild(header).getNamespaceURI()).isEqualTo(XMLSignature.XMLNS);
        assertThat(document.getElementsByTagNameNS(EDXML_NS, "TraceHeaderList").getLength()).isEqualTo(1);

        String text = new String(signed, StandardCharsets.UTF_8);
        int attachment = text.indexOf("UEsDBBQACAgIAEuSPE0");
        String changed = text.substring(0, attachment) + "UEsDBBQACAgIAEuSPE1" + text.substring(attachment + 19);
        assertThat(verifier.verify(changed.getBytes(StandardCharsets.UTF_8)).reason())
                .isEqualTo(VerdictReason.DIGEST_MISMATCH);
    }

    @Test
    void documentChangedAfterSigningIsInvalidWithDigestMismatch() {
        String signed = new String(gateway.sign(EDXML.strip().getBytes(StandardCharsets.UTF_8),
                SignaturePlacement.EDXML_HEADER), StandardCharsets.UTF_8);

        VerificationReport report = verifier.verify(signed.replace("57/UBND-TP", "58/UBND-TP")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(report.verdict()).isEqualTo(Verdict.Status.INVALID);
        assertThat(report.reason()).isEqualTo(VerdictReason.DIGEST_MISMATCH);
    }

    @Test
    void signsADomDocumentInItsDocumentElement() throws Exception {
        Document document = XmlTestSigner.parse("<ketQua xmlns=\"urn:example:ket-qua\"><maHoSo>H56-1</maHoSo></ketQua>"
                .getBytes(StandardCharsets.UTF_8));

        gateway.sign(document, SignaturePlacement.DOCUMENT_ELEMENT);

        assertThat(lastElementChild(document.getDocumentElement()).getLocalName()).isEqualTo("Signature");
        assertThat(verifier.verify(XmlTestSigner.serialize(document)).verdict()).isEqualTo(Verdict.Status.VALID);
    }

    @Test
    void writesBase64WithoutEncodedCarriageReturns() {
        String signed = new String(gateway.sign(EDXML.strip().getBytes(StandardCharsets.UTF_8),
                SignaturePlacement.EDXML_HEADER), StandardCharsets.UTF_8);

        assertThat(signed).doesNotContain("&#13;").doesNotContain("\r")
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    @Test
    void refusesWhatItCannotSignWithAClearMessage() {
        byte[] doctype = ("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] noHeader = "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"/>".getBytes(StandardCharsets.UTF_8);
        byte[] twoHeaders = ("<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><edXMLHeader/><edXMLHeader/>"
                + "</edXML>").getBytes(StandardCharsets.UTF_8);
        byte[] signed = gateway.sign(EDXML.strip().getBytes(StandardCharsets.UTF_8), SignaturePlacement.EDXML_HEADER);

        assertThatThrownBy(() -> gateway.sign(doctype, SignaturePlacement.EDXML_HEADER))
                .isInstanceOf(SigningException.class).hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> gateway.sign(noHeader, SignaturePlacement.EDXML_HEADER))
                .isInstanceOf(SigningException.class).hasMessageContaining("has 0 {" + EDXML_NS + "}edXMLHeader");
        assertThatThrownBy(() -> gateway.sign(twoHeaders, SignaturePlacement.EDXML_HEADER))
                .isInstanceOf(SigningException.class).hasMessageContaining("has 2");
        assertThatThrownBy(() -> gateway.sign(signed, SignaturePlacement.EDXML_HEADER))
                .isInstanceOf(SigningException.class).hasMessageContaining("already carries an XML signature");
    }

    static SigningIdentity gatewayIdentity() {
        return SigningIdentity.fromPkcs12(SamplePki.DIR.resolve("gateway-signing.p12"), "sandbox".toCharArray(), null);
    }

    static XmlSignatureVerifier verifier() {
        Path home = Path.of("").toAbsolutePath();
        return new XmlSignatureVerifier(
                TrustAnchors.load(home, List.of(SamplePki.DIR.resolve("trust-anchors.pem")), List.of()),
                RevocationLists.configure(home, SamplePki.SAMPLE_CRLS, Duration.ofHours(1), Duration.ofSeconds(5),
                        1 << 20), Optional.empty(), Clock.systemUTC());
    }

    private static Element lastElementChild(Element parent) {
        Element last = null;
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                last = element;
            }
        }
        return last;
    }

    private static String attribute(Document document, String element, String name) {
        return ((Element) document.getElementsByTagNameNS(XMLSignature.XMLNS, element).item(0)).getAttribute(name);
    }

    private static List<String> attributes(Document document, String element, String name) {
        NodeList found = document.getElementsByTagNameNS(XMLSignature.XMLNS, element);
        return IntStream.range(0, found.getLength())
                .mapToObj(i -> ((Element) found.item(i)).getAttribute(name)).toList();
    }

    /** A certificate as the KeyInfo carries it, base64. */
    private record X509Text(String base64) {
        String subject() {
            try {
                return ((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                        new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64))))
                        .getSubjectX500Principal().getName();
            } catch (CertificateException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
