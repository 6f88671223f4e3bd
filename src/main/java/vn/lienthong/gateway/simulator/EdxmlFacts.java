package vn.lienthong.gateway.simulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What the axis reads from an edXML message to route it: a document (From, To+, DocumentId, Subject, Code) or a
 * status message (From, ResponseFor, StatusCode, Timestamp, Description), read with the JDK DOM alone.
 */
record EdxmlFacts(MessageType type, String from, List<String> to, String documentId, String title, String notation,
                  String statusCode, String statusTimestamp) {

    static final String NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    private static final Pattern ORGAN_ID = Pattern.compile(VdxpSimulatorProperties.ORGAN_ID);

    /** The two kinds of message on the axis, named as in the {@code messagetype} header. */
    enum MessageType {
        EDOC("edoc"), STATUS("status");

        private final String header;

        MessageType(String header) {
            this.header = header;
        }

        String header() {
            return header;
        }

        static Optional<MessageType> ofHeader(String value) {
            for (MessageType type : values()) {
                if (type.header.equals(value)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    /** Reads the routing facts, refusing (201) a message whose header lacks them or repeats a recipient. */
    static EdxmlFacts read(Document document) {
        Element root = document.getDocumentElement();
        if (!NS.equals(root.getNamespaceURI()) || !"edXML".equals(root.getLocalName())) {
            throw invalid("the root element must be edXML of namespace " + NS);
        }
        Element header = path(root, "edXMLEnvelope", "edXMLHeader", "MessageHeader")
                .orElseThrow(() -> invalid("edXML/edXMLEnvelope/edXMLHeader/MessageHeader is missing"));
        String from = organId(child(header, "From").orElse(null), "MessageHeader/From/OrganId");
        List<Element> recipients = children(header, "To");
        Optional<Element> statusCode = child(header, "StatusCode");
        if (!recipients.isEmpty()) {
            Set<String> to = new LinkedHashSet<>();
            for (Element recipient : recipients) {
                if (!to.add(organId(recipient, "MessageHeader/To/OrganId"))) {
                    throw invalid("MessageHeader/To/OrganId is repeated");
                }
            }
            String documentId = text(header, "DocumentId")
                    .orElseThrow(() -> invalid("MessageHeader/DocumentId is missing"));
            String notation = child(header, "Code")
                    .map(code -> text(code, "CodeNumber").orElse("") + "/" + text(code, "CodeNotation").orElse(""))
                    .orElse("");
            return new EdxmlFacts(MessageType.EDOC, from, List.copyOf(to), documentId,
                    text(header, "Subject").orElse(""), notation, null, null);
        }
        if (statusCode.isPresent()) {
            Element responseFor = child(header, "ResponseFor")
                    .orElseThrow(() -> invalid("MessageHeader/ResponseFor is missing"));
            String original = organId(responseFor, "MessageHeader/ResponseFor/OrganId");
            String documentId = text(responseFor, "DocumentId")
                    .orElseThrow(() -> invalid("MessageHeader/ResponseFor/DocumentId is missing"));
            String code = statusCode.get().getTextContent().strip();
            return new EdxmlFacts(MessageType.STATUS, from, List.of(original), documentId,
                    text(header, "Description").orElse(""), code, code, text(header, "Timestamp").orElse(""));
        }
        throw invalid("MessageHeader has neither To (a document) nor StatusCode (a status message)");
    }

    /** The key under which the axis takes a message only once: sender and document id, and for a status its code and time. */
    String deduplicationKey() {
        return type == MessageType.EDOC
                ? String.join("\n", type.header(), from, documentId)
                : String.join("\n", type.header(), from, documentId, statusCode, statusTimestamp);
    }

    private static String organId(Element organ, String where) {
        String id = organ == null ? null : text(organ, "OrganId").orElse(null);
        if (id == null || id.length() > 40 || !ORGAN_ID.matcher(id).matches()) {
            throw invalid(where + " is missing or not an organ code");
        }
        return id;
    }

    private static Optional<Element> path(Element from, String... names) {
        Optional<Element> current = Optional.of(from);
        for (String name : names) {
            current = current.flatMap(e -> child(e, name));
        }
        return current;
    }

    private static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().strip()).filter(s -> !s.isEmpty());
    }

    private static Optional<Element> child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static VdxpRefusal invalid(String detail) {
        return new VdxpRefusal(VdxpError.EDXML_INVALID, detail);
    }
}
