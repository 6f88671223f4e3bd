package vn.lienthong.gateway.simulator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * edXML documents and status messages for the simulator tests, valid against schemas/edxml/edxml.xsd, signed as a
 * sender signs them (enveloped, URI="", last in edXMLHeader) with the JDK's XML-DSig and a key of certs-sample/.
 */
public final class VdxpTestMessages {

    static final String NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    static final Path CERTS = Path.of("certs-sample");

    private VdxpTestMessages() {
    }

    /** A document from one organ to others, with one attachment. */
    public static String document(String from, List<String> to, String number, String subject, byte[] attachment) {
        String recipients = to.stream()
                .map(organ -> "<edXML:To><edXML:OrganId>" + organ + "</edXML:OrganId></edXML:To>")
                .collect(Collectors.joining());
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <edXML:edXML xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
                  <edXML:edXMLEnvelope>
                    <edXML:edXMLHeader>
                      <edXML:MessageHeader>
                        <edXML:From><edXML:OrganId>%1$s</edXML:OrganId><edXML:OrganName>UBND xã Hải Trường</edXML:OrganName></edXML:From>
                        %2$s
                        <edXML:DocumentId>%1$s,2024/03/05,%3$s/UBND-TP</edXML:DocumentId>
                        <edXML:Code><edXML:CodeNumber>%3$s</edXML:CodeNumber><edXML:CodeNotation>UBND-TP</edXML:CodeNotation></edXML:Code>
                        <edXML:PromulgationInfo><edXML:Place>Hải Lăng</edXML:Place><edXML:PromulgationDate>2024/03/05</edXML:PromulgationDate></edXML:PromulgationInfo>
                        <edXML:DocumentType><edXML:Type>1</edXML:Type><edXML:TypeDetail>0</edXML:TypeDetail><edXML:TypeName>Công văn</edXML:TypeName></edXML:DocumentType>
                        <edXML:Subject>%4$s</edXML:Subject>
                      </edXML:MessageHeader>
                    </edXML:edXMLHeader>
                    <edXML:edXMLBody>
                      <edXML:edXMLManifest version="1.0">
                        <edXML:Reference>
                          <edXML:ContentId>cid:1</edXML:ContentId>
                          <edXML:ContentType>application/pdf</edXML:ContentType>
                          <edXML:AttachmentName>cv.pdf</edXML:AttachmentName>
                        </edXML:Reference>
                      </edXML:edXMLManifest>
                    </edXML:edXMLBody>
                  </edXML:edXMLEnvelope>
                  <edXML:AttachmentEncoded>
                    <edXML:Attachment>
                      <edXML:ContentId>cid:1</edXML:ContentId>
                      <edXML:AttachmentName>cv.pdf</edXML:AttachmentName>
                      <edXML:ContentType>application/pdf</edXML:ContentType>
                      <edXML:ContentTransferEncoded>%5$s</edXML:ContentTransferEncoded>
                    </edXML:Attachment>
                  </edXML:AttachmentEncoded>
                </edXML:edXML>
                """.formatted(from, recipients, number, subject, Base64.getEncoder().encodeToString(attachment));
    }

    /** A status message from one organ about a document another organ sent. */
    public static String status(String from, String original, String documentId, String code, String timestamp) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <edXML:edXML xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
                  <edXML:edXMLEnvelope>
                    <edXML:edXMLHeader>
                      <edXML:MessageHeader>
                        <edXML:From><edXML:OrganId>%s</edXML:OrganId></edXML:From>
                        <edXML:ResponseFor>
                          <edXML:OrganId>%s</edXML:OrganId>
                          <edXML:DocumentId>%s</edXML:DocumentId>
                        </edXML:ResponseFor>
                        <edXML:StaffInfo><edXML:Department>Văn thư</edXML:Department><edXML:Staff>Nguyễn Thị Trâm</edXML:Staff></edXML:StaffInfo>
                        <edXML:StatusCode>%s</edXML:StatusCode>
                        <edXML:Description>Đã tiếp nhận</edXML:Description>
                        <edXML:Timestamp>%s</edXML:Timestamp>
                      </edXML:MessageHeader>
                    </edXML:edXMLHeader>
                  </edXML:edXMLEnvelope>
                </edXML:edXML>
                """.formatted(from, original, documentId, code, timestamp);
    }

    /** Signs with the sample gateway key, as the gateway signs what it sends. */
    public static byte[] signedByGateway(String xml) {
        return sign(xml, "gateway-signing.key.pem", List.of("gateway-signing-chain.pem"), SignatureMethod.RSA_SHA256,
                DigestMethod.SHA256);
    }

    /** Signs with a key of certs-sample/, KeyInfo carrying the certificates of these files (self-signed roots left out). */
    static byte[] sign(String xml, String keyFile, List<String> certificateFiles, String signatureMethod,
                       String digestMethod) {
        try {
            Document document = parse(xml.strip().getBytes(StandardCharsets.UTF_8));
            Element header = (Element) document.getElementsByTagNameNS(NS, "edXMLHeader").item(0);
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            Reference reference = factory.newReference("", factory.newDigestMethod(digestMethod, null),
                    List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            SignedInfo signedInfo = factory.newSignedInfo(factory.newCanonicalizationMethod(
                            CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(signatureMethod, null), List.of(reference));
            KeyInfoFactory keys = factory.getKeyInfoFactory();
            DOMSignContext context = new DOMSignContext(key(keyFile), header);
            context.setDefaultNamespacePrefix("ds");
            factory.newXMLSignature(signedInfo, keys.newKeyInfo(List.of(keys.newX509Data(certificates(certificateFiles)))))
                    .sign(context);
            return serialize(document);
        } catch (Exception e) {
            throw new IllegalStateException("test XML signature failed", e);
        }
    }

    static PrivateKey key(String file) throws IOException {
        try (Reader in = Files.newBufferedReader(CERTS.resolve(file))) {
            return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) new PEMParser(in).readObject());
        }
    }

    static List<X509Certificate> certificates(List<String> files) throws Exception {
        List<X509Certificate> certificates = new java.util.ArrayList<>();
        for (String file : files) {
            try (InputStream in = Files.newInputStream(CERTS.resolve(file))) {
                CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                        .map(X509Certificate.class::cast)
                        .filter(c -> !c.getSubjectX500Principal().equals(c.getIssuerX500Principal()))
                        .forEach(certificates::add);
            }
        }
        return certificates;
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static byte[] serialize(Document document) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }
}
