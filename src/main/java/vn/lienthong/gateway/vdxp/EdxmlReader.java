package vn.lienthong.gateway.vdxp;

import java.io.InputStream;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import vn.lienthong.gateway.GatewayException;

/**
 * Reads untrusted edXML into a tree of {@link XmlNode}s in one pass: no DTD (refused at the declaration, so no entity
 * is ever expanded or fetched), every limit of {@link EdxmlLimits} checked as the bytes arrive, attachments decoded
 * from base64 piece by piece. Elements in the edXML namespace (or in none, as some senders write) are kept; elements
 * of other namespaces, such as the XML signature, and the field's {@code Signature} placeholder are passed over.
 */
final class EdxmlReader {

    static final String ROOT = "edXML";

    private final EdxmlLimits limits;

    EdxmlReader(EdxmlLimits limits) {
        this.limits = limits;
    }

    XmlNode read(InputStream input) {
        BoundedInputStream in = new BoundedInputStream(input, limits.maxEdxmlSize());
        Pass pass = new Pass();
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(in);
            while (reader.hasNext()) {
                pass.on(reader.next(), reader);
            }
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof GatewayException refused) {
                throw refused;
            }
            if (in.exceeded()) {
                throw EdxmlRefusal.limit("SIZE_LIMIT_EXCEEDED", "/", "the file is longer than "
                        + limits.maxEdxmlSize() + " bytes");
            }
            throw EdxmlRefusal.malformed("NOT_WELL_FORMED", pass.where(), "not well-formed XML" + at(reader));
        } finally {
            close(reader);
        }
        if (pass.root == null) {
            throw EdxmlRefusal.malformed("NOT_WELL_FORMED", "/", "no root element");
        }
        return pass.root;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resources are not read");
        });
        return factory;
    }

    private static String at(XMLStreamReader reader) {
        if (reader == null) {
            return "";
        }
        try {
            Location location = reader.getLocation();
            return location == null || location.getLineNumber() < 0 ? ""
                    : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // the reader holds nothing the caller's stream does not
            }
        }
    }

    /** The state of one pass over a file. */
    private final class Pass {

        private XmlNode root;
        private XmlNode current;
        private int depth;
        private int elements;
        private int attachments;
        private int skipped;
        private int skippedText;
        private Base64Accumulator base64;

        void on(int event, XMLStreamReader reader) throws XMLStreamException {
            switch (event) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE,
                     XMLStreamConstants.ENTITY_DECLARATION, XMLStreamConstants.NOTATION_DECLARATION ->
                        throw EdxmlRefusal.malformed("DOCTYPE_FORBIDDEN", where(),
                                "a document type declaration or an entity reference is not allowed");
                case XMLStreamConstants.START_ELEMENT -> start(reader);
                case XMLStreamConstants.END_ELEMENT -> end();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                default -> {
                    // comments, processing instructions and the document's start and end carry nothing
                }
            }
        }

        String where() {
            return current == null ? "/" : current.path();
        }

        private void start(XMLStreamReader reader) {
            depth++;
            elements++;
            skippedText = 0;
            if (depth > limits.maxDepth()) {
                throw EdxmlRefusal.limit("DEPTH_LIMIT_EXCEEDED", where(),
                        "elements nested deeper than " + limits.maxDepth() + " levels");
            }
            if (elements > limits.maxElements()) {
                throw EdxmlRefusal.limit("ELEMENT_LIMIT_EXCEEDED", where(),
                        "more than " + limits.maxElements() + " elements");
            }
            checkAttributes(reader);
            if (skipped > 0) {
                skipped++;
                return;
            }
            String name = reader.getLocalName();
            if (!inEdxmlNamespace(reader.getNamespaceURI()) || current != null && "Signature".equals(name)) {
                skipped = 1;
                return;
            }
            XmlNode node = new XmlNode(name, current);
            if (root == null) {
                root = node;
                if (!ROOT.equals(name)) {
                    throw EdxmlRefusal.invalid("ROOT_INVALID", "/", "the root element is not edXML");
                }
            }
            current = node;
            if ("Attachment".equals(name) && isChildOf(node, "AttachmentEncoded")
                    && ++attachments > limits.maxAttachments()) {
                throw EdxmlRefusal.invalid("ATTACHMENTS_TOO_MANY", node.path(),
                        "more than " + limits.maxAttachments() + " attachments");
            }
            if ("ContentTransferEncoded".equals(name) && isChildOf(node, "Attachment")) {
                base64 = new Base64Accumulator(limits.maxAttachmentSize());
            }
        }

        private void end() {
            depth--;
            skippedText = 0;
            if (skipped > 0) {
                skipped--;
                return;
            }
            if (base64 != null) {
                try {
                    current.bytes(base64.finish());
                } catch (Base64Accumulator.InvalidBase64 e) {
                    throw notBase64();
                } catch (Base64Accumulator.TooLarge e) {
                    throw tooLarge();
                }
                base64 = null;
            }
            current = current.parent();
        }

        private void text(char[] characters, int start, int length) {
            if (skipped > 0) {
                skippedText += length;
                if (skippedText > limits.maxTextLength()) {
                    throw textTooLong();
                }
                return;
            }
            if (current == null) {
                return;
            }
            if (base64 != null) {
                try {
                    base64.append(characters, start, length);
                } catch (Base64Accumulator.InvalidBase64 e) {
                    throw notBase64();
                } catch (Base64Accumulator.TooLarge e) {
                    throw tooLarge();
                }
                return;
            }
            if (current.textLength() + (long) length > limits.maxTextLength()) {
                throw textTooLong();
            }
            current.appendText(characters, start, length);
        }

        private void checkAttributes(XMLStreamReader reader) {
            int count = reader.getAttributeCount();
            int namespaces = reader.getNamespaceCount();
            if (count + namespaces > limits.maxAttributes()) {
                throw EdxmlRefusal.limit("ATTRIBUTE_LIMIT_EXCEEDED", where(),
                        "an element with more than " + limits.maxAttributes() + " attributes and namespace declarations");
            }
            for (int i = 0; i < count; i++) {
                requireShort(reader.getAttributeValue(i));
            }
            for (int i = 0; i < namespaces; i++) {
                requireShort(reader.getNamespaceURI(i));
            }
        }

        private void requireShort(String value) {
            if (value != null && value.length() > limits.maxAttributeLength()) {
                throw EdxmlRefusal.limit("ATTRIBUTE_LIMIT_EXCEEDED", where(),
                        "an attribute longer than " + limits.maxAttributeLength() + " characters");
            }
        }

        private GatewayException textTooLong() {
            return EdxmlRefusal.limit("TEXT_LIMIT_EXCEEDED", where(),
                    "a text longer than " + limits.maxTextLength() + " characters");
        }

        private GatewayException notBase64() {
            return EdxmlRefusal.invalid("BASE64_INVALID", current.path(), "the attachment content is not base64");
        }

        private GatewayException tooLarge() {
            return EdxmlRefusal.invalid("ATTACHMENT_TOO_LARGE", current.path(),
                    "an attachment larger than " + limits.maxAttachmentSize() + " bytes");
        }
    }

    private static boolean inEdxmlNamespace(String namespace) {
        return namespace == null || namespace.isEmpty() || Edxml.NAMESPACE.equals(namespace);
    }

    private static boolean isChildOf(XmlNode node, String parentName) {
        return node.parent() != null && parentName.equals(node.parent().name());
    }
}
