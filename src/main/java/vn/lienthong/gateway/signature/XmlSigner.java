package vn.lienthong.gateway.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Signs XML with the gateway key: one enveloped XML signature over the whole document ({@code URI=""}, the
 * enveloped-signature transform and exclusive canonicalization, SHA-256, RSA-SHA256 or ECDSA-SHA256 after the key),
 * whose KeyInfo carries the signer's certificate then its intermediates, as the last child of the element a
 * {@link SignaturePlacement} names; a {@code Signature} placeholder of that element's own namespace is replaced.
 */
public final class XmlSigner {

    private static final String DS_PREFIX = "ds";

    private final SigningIdentity identity;
    private final String signatureMethod;
    private final List<X509Certificate> keyInfoCertificates;

    public XmlSigner(SigningIdentity identity) {
        this.identity = identity;
        this.signatureMethod = identity.privateKey() instanceof ECKey ? SignatureMethod.ECDSA_SHA256
                : SignatureMethod.RSA_SHA256;
        this.keyInfoCertificates = identity.certificatesToSend();
    }

    /**
     * Parses the XML as untrusted input is parsed (no DOCTYPE, no external access), signs it and answers the signed
     * document in UTF-8.
     */
    public byte[] sign(byte[] xml, SignaturePlacement placement) {
        Document document;
        try {
            document = SafeXml.parse(xml);
        } catch (SAXException | IOException e) {
            throw new SigningException("the XML to sign is not well-formed, has a DOCTYPE or is nested deeper than "
                    + SafeXml.MAX_ELEMENT_DEPTH + " elements", e);
        }
        sign(document, placement);
        return serialize(document);
    }

    /** Signs a namespace-aware DOM document in place. */
    public void sign(Document document, SignaturePlacement placement) {
        if (document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").getLength() > 0) {
            throw new SigningException("the document already carries an XML signature, which a second enveloped"
                    + " signature over the whole document would break");
        }
        Element parent = placement.locate(document);
        removePlaceholders(parent);
        try {
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            Reference reference = factory.newReference("", factory.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            SignedInfo signedInfo = factory.newSignedInfo(factory.newCanonicalizationMethod(
                            CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(signatureMethod, null), List.of(reference));
            KeyInfoFactory keys = factory.getKeyInfoFactory();
            KeyInfo keyInfo = keys.newKeyInfo(List.of(keys.newX509Data(keyInfoCertificates)));
            DOMSignContext context = new DOMSignContext(identity.privateKey(), parent);
            context.setDefaultNamespacePrefix(DS_PREFIX);
            factory.newXMLSignature(signedInfo, keyInfo).sign(context);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new SigningException("XML signing with the gateway key failed: " + e.getMessage(), e);
        }
        withoutCarriageReturns(document, "SignatureValue");
        withoutCarriageReturns(document, "X509Certificate");
    }

    /** A {@code Signature} child in the parent's own namespace: the unsigned placeholder senders leave there. */
    private static void removePlaceholders(Element parent) {
        List<Node> placeholders = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE && "Signature".equals(child.getLocalName())
                    && sameNamespace(child.getNamespaceURI(), parent.getNamespaceURI())) {
                placeholders.add(child);
            }
        }
        for (Node placeholder : placeholders) {
            Node before = placeholder.getPreviousSibling();
            if (before != null && before.getNodeType() == Node.TEXT_NODE && before.getTextContent().isBlank()) {
                parent.removeChild(before);
            }
            parent.removeChild(placeholder);
        }
    }

    private static boolean sameNamespace(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    /**
     * The JDK wraps base64 with CR LF, which an XML serializer writes as {@code &#13;}; the signature value and the
     * certificates are outside the signed info, so their line breaks are made plain LF.
     */
    private static void withoutCarriageReturns(Document document, String localName) {
        NodeList elements = document.getElementsByTagNameNS(XMLSignature.XMLNS, localName);
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            element.setTextContent(element.getTextContent().replace("\r", ""));
        }
    }

    private static byte[] serialize(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            document.setXmlStandalone(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new SigningException("the signed XML cannot be written: " + e.getMessage(), e);
        }
    }
}
