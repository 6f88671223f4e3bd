package vn.lienthong.gateway.signature;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

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

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Makes enveloped XML signatures in tests, as an edXML sender puts one in its header, with the JDK's XML-DSig. */
final class XmlTestSigner {

    static final String EDXML_NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    static final String EDXML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016" Id="envelope">
              <edXML:edXMLHeader>
                <edXML:MessageHeader Id="header">
                  <edXML:From><edXML:OrganId>000.00.18.H56</edXML:OrganId></edXML:From>
                  <edXML:To><edXML:OrganId>000.00.00.G22</edXML:OrganId></edXML:To>
                  <edXML:DocumentId>000.00.18.H56,2024/03/05,57/UBND-TP</edXML:DocumentId>
                  <edXML:Subject>Về việc liên thông hồ sơ</edXML:Subject>
                </edXML:MessageHeader>
              </edXML:edXMLHeader>
              <edXML:edXMLBody><edXML:edXMLManifest version="1.0"/></edXML:edXMLBody>
            </edXML:edXMLEnvelope>
            """;

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private String signatureMethod;
    private String digestMethod = DigestMethod.SHA256;
    private String referenceUri = "";

    XmlTestSigner(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = chain;
        this.signatureMethod = key.getAlgorithm().startsWith("EC") ? SignatureMethod.ECDSA_SHA256
                : SignatureMethod.RSA_SHA256;
    }

    static XmlTestSigner of(String sampleName) {
        return new XmlTestSigner(SamplePki.key(sampleName),
                List.of(SamplePki.certificate(sampleName), SamplePki.certificate(SamplePki.INTERMEDIATE)));
    }

    XmlTestSigner methods(String signature, String digest) {
        this.signatureMethod = signature;
        this.digestMethod = digest;
        return this;
    }

    /** Signs the element with this id instead of the whole document. */
    XmlTestSigner reference(String uri) {
        this.referenceUri = uri;
        return this;
    }

    byte[] sign(String xml) {
        try {
            Document document = parse(xml.strip().getBytes(StandardCharsets.UTF_8));
            for (String id : List.of("envelope", "header")) {
                Element element = (Element) javax.xml.xpath.XPathFactory.newInstance().newXPath()
                        .evaluate("//*[@Id='" + id + "']", document, javax.xml.xpath.XPathConstants.NODE);
                if (element != null) {
                    element.setIdAttribute("Id", true);
                }
            }
            Element header = (Element) document.getElementsByTagNameNS(EDXML_NS, "edXMLHeader").item(0);
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            Reference reference = factory.newReference(referenceUri, factory.newDigestMethod(digestMethod, null),
                    List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            SignedInfo signedInfo = factory.newSignedInfo(factory.newCanonicalizationMethod(
                            CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(signatureMethod, null), List.of(reference));
            KeyInfoFactory keys = factory.getKeyInfoFactory();
            DOMSignContext context = new DOMSignContext(key, header == null ? document.getDocumentElement() : header);
            factory.newXMLSignature(signedInfo, keys.newKeyInfo(List.of(keys.newX509Data(chain)))).sign(context);
            return serialize(document);
        } catch (Exception e) {
            throw new IllegalStateException("test XML signature failed", e);
        }
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static byte[] serialize(Document document) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }
}
