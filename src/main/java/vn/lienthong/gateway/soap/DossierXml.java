package vn.lienthong.gateway.soap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;

/**
 * Reads the {@code dossier} element of a SOAP request into the canonical dossier JSON the REST API takes: each element
 * becomes the field of its name, the list elements ({@code fees/fee}, {@code documents/document},
 * {@code results/result}) arrays, {@code amount} a number, {@code xsi:nil} null. Whether the result is a valid dossier
 * is for the dossier validator to say, with the same JSON pointers as on REST; what cannot be a JSON field at all is
 * listed here, located the same way.
 */
final class DossierXml {

    static final String XOP_NAMESPACE = "http://www.w3.org/2004/08/xop/include";
    /** The list elements and the name of their items. */
    private static final Map<String, String> LISTS = Map.of("/fees", "fee", "/documents", "document",
            "/results", "result");
    private static final Set<String> INTEGERS = Set.of("amount");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Collection<String> attachmentIds;
    private final List<Violation> violations = new ArrayList<>();

    private DossierXml(Collection<String> attachmentIds) {
        this.attachmentIds = attachmentIds;
    }

    /**
     * The dossier of a {@code SubmitDossier} request element as canonical JSON; DOSSIER_INVALID listing what cannot be
     * read, ATTACHMENT_REFUSED for an {@code xop:Include} that points outside the message.
     */
    static ObjectNode read(Element submitDossier, Collection<String> attachmentIds) {
        DossierXml reader = new DossierXml(attachmentIds);
        Element dossier = null;
        for (Element child : children(submitDossier)) {
            if (isOurs(child) && "dossier".equals(child.getLocalName()) && dossier == null) {
                dossier = child;
            } else {
                reader.violations.add(new Violation("", "unexpected element " + child.getLocalName()
                        + " next to the dossier"));
            }
        }
        if (dossier == null) {
            reader.violations.add(new Violation("", "a dossier element is required"));
        }
        JsonNode json = dossier == null ? NODES.objectNode() : reader.node(dossier, "");
        if (!reader.violations.isEmpty()) {
            throw new GatewayException(ErrorCode.DOSSIER_INVALID, "The dossier has " + reader.violations.size()
                    + " violation(s); see violations.", reader.violations);
        }
        return json instanceof ObjectNode object ? object : NODES.objectNode();
    }

    private JsonNode node(Element element, String pointer) {
        if (XOP_NAMESPACE.equals(element.getNamespaceURI())) {
            return include(element, pointer);
        }
        checkAttributes(element, pointer);
        if (isNil(element)) {
            return NODES.nullNode();
        }
        List<Element> children = children(element);
        if (children.isEmpty()) {
            return value(element, pointer);
        }
        if (hasText(element)) {
            violations.add(new Violation(pointer, "text next to elements"));
        }
        String itemName = LISTS.get(pointer);
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
        if (INTEGERS.contains(element.getLocalName()) && pointer.matches("/fees/\\d+/amount")) {
            try {
                return NODES.numberNode(Long.parseLong(text.strip()));
            } catch (NumberFormatException notANumber) {
                return NODES.textNode(text);
            }
        }
        if (LISTS.containsKey(pointer)) {
            return NODES.arrayNode();
        }
        return NODES.textNode(text);
    }

    /** An MTOM reference: only to an attachment of this message, and no field of a dossier takes one. */
    private JsonNode include(Element include, String pointer) {
        String href = include.getAttribute("href");
        String id = href.startsWith("cid:") ? java.net.URLDecoder.decode(href.substring(4),
                java.nio.charset.StandardCharsets.UTF_8) : null;
        if (id == null || !attachmentIds.contains(id)) {
            throw new GatewayException(ErrorCode.ATTACHMENT_REFUSED,
                    "An xop:Include may only refer (cid:) to an attachment of this message.",
                    List.of(new Violation(pointer, "xop:Include refers to nothing in this message")));
        }
        violations.add(new Violation(pointer, "binary content is not accepted here"));
        return NODES.nullNode();
    }

    private void checkAttributes(Element element, String pointer) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String ns = attribute.getNamespaceURI();
            boolean declaration = XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns);
            boolean nil = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(ns) && "nil".equals(attribute.getLocalName());
            if (!declaration && !nil) {
                violations.add(new Violation(pointer, "attribute " + attribute.getLocalName() + " is not part of a dossier"));
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
