package vn.lienthong.gateway.signature;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Where an enveloped XML signature goes: as the last child of the one element of a document with this namespace and
 * local name (for edXML, its {@code edXMLHeader}), or of the document element.
 */
public record SignaturePlacement(String namespace, String localName) {

    /** The edXML namespace of QCVN 102:2016. */
    public static final String EDXML_NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    /** In the edXML header, as QCVN 102:2016 places the signature of a document on the interchange axis. */
    public static final SignaturePlacement EDXML_HEADER = new SignaturePlacement(EDXML_NAMESPACE, "edXMLHeader");
    /** In the document element itself. */
    public static final SignaturePlacement DOCUMENT_ELEMENT = new SignaturePlacement(null, null);

    /** The parent element of the signature; fails when the document has none or several such elements. */
    Element locate(Document document) {
        if (localName == null) {
            return document.getDocumentElement();
        }
        NodeList found = document.getElementsByTagNameNS(namespace, localName);
        if (found.getLength() != 1) {
            throw new SigningException("the document has " + found.getLength() + " " + this
                    + " elements; the signature goes into exactly one");
        }
        return (Element) found.item(0);
    }

    @Override
    public String toString() {
        return localName == null ? "document element" : "{" + namespace + "}" + localName;
    }
}
