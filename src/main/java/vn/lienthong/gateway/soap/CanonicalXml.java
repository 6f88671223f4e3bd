package vn.lienthong.gateway.soap;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.cxf.message.Attachment;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;

/**
 * Reads the payload element of a SOAP request ({@code dossier} of SubmitDossier, {@code document} of SubmitDocument)
 * into the canonical JSON the REST API takes: each element becomes the field of its name, the list elements of the
 * {@link Shape} arrays, its integer fields numbers, {@code xsi:nil} null, and its binary fields base64 text — inline
 * (white space dropped) or read from the MTOM part an {@code xop:Include} names. Whether the result is valid is for the
 * validator of the REST path to say, with the same JSON pointers; what cannot be a JSON field at all is listed here,
 * located the same way.
 */
final class CanonicalXml {

    static final String XOP_NAMESPACE = "http://www.w3.org/2004/08/xop/include";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    /**
     * What a payload element is: its name in the request, the code of its violations, its list elements (pointer to
     * item name), and the pointers of its integer and of its binary fields.
     */
    record Shape(String element, ErrorCode invalid, Map<String, String> lists, Pattern integers, Pattern binaries) {
    }

    /** The dossier of SubmitDossier (DESIGN §6.2): no binary field. */
    static final Shape DOSSIER = new Shape("dossier", ErrorCode.DOSSIER_INVALID,
            Map.of("/fees", "fee", "/documents", "document", "/results", "result"),
            Pattern.compile("/fees/\\d+/amount"), Pattern.compile("(?!)"));
    /** The official document of SubmitDocument (DESIGN §6.2b): attachments' content and signature are binary. */
    static final Shape DOCUMENT = new Shape("document", ErrorCode.DOCUMENT_INVALID,
            Map.of("/to", "organ", "/toPlaces", "place", "/attachments", "attachment"),
            Pattern.compile("/priority|/steeringType"),
            Pattern.compile("/attachments/\\d+/(content|signature)"));

    private final Shape shape;
    private final Map<String, Attachment> attachments;
    private final List<Violation> violations = new ArrayList<>();

    private CanonicalXml(Shape shape, Map<String, Attachment> attachments) {
        this.shape = shape;
        this.attachments = attachments;
    }

    /**
     * The payload of a request element as canonical JSON; the shape's code listing what cannot be read,
     * ATTACHMENT_REFUSED for an {@code xop:Include} that points outside the message.
     */
    static ObjectNode read(Element request, Shape shape, Map<String, Attachment> attachments) {
        CanonicalXml reader = new CanonicalXml(shape, attachments);
        Element payload = null;
        for (Element child : children(request)) {
            if (isOurs(child) && shape.element().equals(child.getLocalName()) && payload == null) {
                payload = child;
            } else {
                reader.violations.add(new Violation("", "unexpected element " + child.getLocalName()
                        + " next to the " + shape.element()));
            }
        }
        if (payload == null) {
            reader.violations.add(new Violation("", "a " + shape.element() + " element is required"));
        }
        JsonNode json = payload == null ? NODES.objectNode() : reader.node(payload, "");
        if (!reader.violations.isEmpty()) {
            throw new GatewayException(shape.invalid(), "The " + shape.element() + " has "
                    + reader.violations.size() + " violation(s); see violations.", reader.violations);
        }
        return json instanceof ObjectNode object ? object : NODES.objectNode();
    }

    private JsonNode node(Element element, String pointer) {
        if (XOP_NAMESPACE.equals(element.getNamespaceURI())) {
            include(element, pointer);
            violations.add(new Violation(pointer, "binary content is not accepted here"));
            return NODES.nullNode();
        }
        checkAttributes(element, pointer);
        if (isNil(element)) {
            return NODES.nullNode();
        }
        if (shape.binaries().matcher(pointer).matches()) {
            return binary(element, pointer);
        }
        List<Element> children = children(element);
        if (children.isEmpty()) {
            return value(element, pointer);
        }
        if (hasText(element)) {
            violations.add(new Violation(pointer, "text next to elements"));
        }
        String itemName = shape.lists().get(pointer);
        if (itemName != null) {
            ArrayNode items = NODES.arrayNode();
            for (Element item : children) {
                String at = pointer + "/" + items.size();
                if (!isOurs(item) || !itemName.equals(item.getLocalName())) {
                    violations.add(new Violation(at, "expected a " + itemName + " element"));
                }
                items.add(node(item, at));
            }
            return items;
        }
        ObjectNode object = NODES.objectNode();
        for (Element child : children) {
            String name = child.getLocalName();
            String at = pointer + "/" + name;
            if (XOP_NAMESPACE.equals(child.getNamespaceURI())) {
                include(child, pointer);
                violations.add(new Violation(pointer, "binary content is not accepted here"));
                continue;
            }
            if (!isOurs(child)) {
                violations.add(new Violation(at, "not in the namespace " + SoapContract.NAMESPACE));
                continue;
            }
            if (object.has(name)) {
                violations.add(new Violation(at, "appears more than once"));
                continue;
            }
            object.set(name, node(child, at));
        }
        return object;
    }

    private JsonNode value(Element element, String pointer) {
        String text = element.getTextContent();
        if (shape.integers().matcher(pointer).matches()) {
            try {
                return NODES.numberNode(Long.parseLong(text.strip()));
            } catch (NumberFormatException notANumber) {
                return NODES.textNode(text);
            }
        }
        if (shape.lists().containsKey(pointer)) {
            return NODES.arrayNode();
        }
        return NODES.textNode(text);
    }

    /** A binary field: its inline base64 without white space, or the MTOM part it includes, base64-encoded. */
    private JsonNode binary(Element element, String pointer) {
        List<Element> children = children(element);
        if (children.isEmpty()) {
            return NODES.textNode(WHITE_SPACE.matcher(element.getTextContent()).replaceAll(""));
        }
        if (children.size() != 1 || !XOP_NAMESPACE.equals(children.get(0).getNamespaceURI())
                || !"Include".equals(children.get(0).getLocalName()) || hasText(element)) {
            violations.add(new Violation(pointer, "base64 text or one xop:Include expected"));
            return NODES.nullNode();
        }
        Attachment part = include(children.get(0), pointer);
        try (InputStream in = part.getDataHandler().getInputStream()) {
            return NODES.textNode(Base64.getEncoder().encodeToString(in.readAllBytes()));
        } catch (IOException | RuntimeException unreadable) {
            throw new GatewayException(ErrorCode.ATTACHMENT_REFUSED, "An MTOM attachment cannot be read.",
                    List.of(new Violation(pointer, "the attachment this xop:Include names cannot be read")));
        }
    }

    /** An MTOM reference: only to an attachment of this message ({@code cid:}), never fetched from anywhere else. */
    private Attachment include(Element include, String pointer) {
        String href = include.getAttribute("href");
        String id = href.startsWith("cid:") ? URLDecoder.decode(href.substring(4), StandardCharsets.UTF_8) : null;
        Attachment part = id == null ? null : attachments.get(id);
        if (part == null) {
            throw new GatewayException(ErrorCode.ATTACHMENT_REFUSED,
                    "An xop:Include may only refer (cid:) to an attachment of this message.",
                    List.of(new Violation(pointer, "xop:Include refers to nothing in this message")));
        }
        return part;
    }

    private void checkAttributes(Element element, String pointer) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String ns = attribute.getNamespaceURI();
            boolean declaration = XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns);
            boolean nil = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(ns) && "nil".equals(attribute.getLocalName());
            boolean mediaType = "http://www.w3.org/2005/05/xmlmime".equals(ns)
                    && "contentType".equals(attribute.getLocalName()) && shape.binaries().matcher(pointer).matches();
            if (!declaration && !nil && !mediaType) {
                violations.add(new Violation(pointer, "attribute " + attribute.getLocalName() + " is not part of a "
                        + shape.element()));
            }
        }
    }

    private static boolean isNil(Element element) {
        String nil = element.getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "nil");
        return "true".equals(nil) || "1".equals(nil);
    }

    private static boolean hasText(Element element) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if ((n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE)
                    && !n.getNodeValue().isBlank()) {
                return true;
            }
        }
        return false;
    }

    static boolean isOurs(Element element) {
        return SoapContract.NAMESPACE.equals(element.getNamespaceURI());
    }

    static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }
}
