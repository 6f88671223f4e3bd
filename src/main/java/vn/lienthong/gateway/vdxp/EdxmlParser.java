package vn.lienthong.gateway.vdxp;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;

/**
 * Reads edXML into an {@link EdocDocument} or an {@link EdocStatus}, leniently, as senders in the field write it:
 * dates {@code yyyy/MM/dd} or {@code dd/MM/yyyy} (with or without a time), children in any order, empty elements as
 * absent, the edXML namespace with any prefix or none, {@code Bussiness} or {@code Business}. Elements the model has
 * no place for are passed over (the original bytes stay the record of what was sent). Hostile input is refused as
 * {@link EdxmlReader} says; content that cannot make a document or a status is refused with {@code EDXML_INVALID} and
 * every violation, each with a stable code and its element path.
 */
public final class EdxmlParser {

    /** Violations listed before the rest are left unsaid: enough to fix a file, too few to make a large answer. */
    public static final int MAX_VIOLATIONS = 100;

    private final EdxmlLimits limits;

    public EdxmlParser(EdxmlLimits limits) {
        this.limits = limits;
    }

    /** A document or a status message, whichever the file holds; the stream is read, not closed. */
    public EdxmlMessage parse(InputStream edxml) {
        XmlNode root = new EdxmlReader(limits).read(edxml);
        return new Mapping().message(root);
    }

    public EdxmlMessage parse(byte[] edxml) {
        return parse(new ByteArrayInputStream(edxml));
    }

    /** The official document of the file; a status message is refused. */
    public EdocDocument parseDocument(InputStream edxml) {
        if (parse(edxml) instanceof EdocDocument document) {
            return document;
        }
        throw EdxmlRefusal.invalid("MESSAGE_KIND_UNEXPECTED", "/edXML/edXMLEnvelope/edXMLHeader/MessageHeader",
                "a status message where an official document was expected");
    }

    /** The status message of the file; an official document is refused. */
    public EdocStatus parseStatus(InputStream edxml) {
        if (parse(edxml) instanceof EdocStatus status) {
            return status;
        }
        throw EdxmlRefusal.invalid("MESSAGE_KIND_UNEXPECTED", "/edXML/edXMLEnvelope/edXMLHeader/MessageHeader",
                "an official document where a status message was expected");
    }

    /** Maps one tree to the model, collecting every violation before refusing. */
    private static final class Mapping {

        private final List<Violation> violations = new ArrayList<>();

        EdxmlMessage message(XmlNode root) {
            XmlNode envelope = required(root, "edXMLEnvelope");
            XmlNode header = envelope == null ? null : required(envelope, "edXMLHeader");
            XmlNode messageHeader = header == null ? null : required(header, "MessageHeader");
            if (messageHeader == null) {
                throw refusal();
            }
            EdxmlMessage message = messageHeader.child("StatusCode").isPresent()
                    || messageHeader.child("To").isEmpty() && messageHeader.child("ResponseFor").isPresent()
                    ? status(messageHeader)
                    : document(root, header, messageHeader);
            if (!violations.isEmpty()) {
                throw refusal();
            }
            return message;
        }

        private EdocDocument document(XmlNode root, XmlNode header, XmlNode messageHeader) {
            Organ from = organ(required(messageHeader, "From"));
            List<Organ> to = messageHeader.children("To").stream().map(this::organ).toList();
            DocumentCode code = code(required(messageHeader, "Code"));
            Promulgation promulgation = promulgation(required(messageHeader, "PromulgationInfo"));
            DocumentType type = documentType(required(messageHeader, "DocumentType"));
            OtherInfo otherInfo = messageHeader.child("OtherInfo").map(this::otherInfo).orElse(null);
            List<ResponseFor> responseFor = messageHeader.children("ResponseFor").stream()
                    .map(this::responseFor).toList();
            List<String> toPlaces = messageHeader.child("ToPlaces")
                    .map(places -> places.children("Place").stream().map(XmlNode::text)
                            .filter(p -> p != null).toList())
                    .orElse(List.of());
            TraceInfo trace = header.child("TraceHeaderList").map(this::trace).orElse(null);
            List<EdocAttachment> attachments = attachments(root);
            if (from == null || code == null || promulgation == null || type == null) {
                return null;
            }
            EdocDocument document = new EdocDocument(from, to, code, promulgation, type,
                    text(messageHeader, "Subject"), text(messageHeader, "Content"),
                    messageHeader.child("SignerInfo").map(this::signer).orElse(null),
                    date(messageHeader, "DueDate"), otherInfo, responseFor,
                    integer(messageHeader, "SteeringType"), toPlaces, trace, attachments);
            messageHeader.child("DocumentId").ifPresent(declared -> checkDocumentId(declared, document));
            return document;
        }

        private EdocStatus status(XmlNode messageHeader) {
            Organ from = organ(required(messageHeader, "From"));
            XmlNode responseForNode = required(messageHeader, "ResponseFor");
            ResponseFor responseFor = responseForNode == null ? null : responseFor(responseForNode);
            StatusCode statusCode = statusCode(messageHeader);
            LocalDateTime timestamp = requiredDateTime(messageHeader, "Timestamp");
            StaffInfo staff = messageHeader.child("StaffInfo").map(this::staff).orElse(null);
            if (from == null || responseFor == null || statusCode == null || timestamp == null) {
                return null;
            }
            return new EdocStatus(from, responseFor, staff, statusCode, text(messageHeader, "Description"),
                    timestamp);
        }

        private Organ organ(XmlNode node) {
            if (node == null) {
                return null;
            }
            requiredText(node, "OrganId");
            return new Organ(text(node, "OrganId"), text(node, "OrganizationInCharge"), text(node, "OrganName"),
                    text(node, "OrganAdd"), text(node, "Email"), text(node, "Telephone"), text(node, "Fax"),
                    text(node, "Website"));
        }

        private DocumentCode code(XmlNode node) {
            if (node == null) {
                return null;
            }
            String number = requiredText(node, "CodeNumber");
            String notation = requiredText(node, "CodeNotation");
            return number == null || notation == null ? null : new DocumentCode(number, notation);
        }

        private Promulgation promulgation(XmlNode node) {
            if (node == null) {
                return null;
            }
            LocalDate date = requiredDate(node, "PromulgationDate");
            return date == null ? null : new Promulgation(text(node, "Place"), date);
        }

        private DocumentType documentType(XmlNode node) {
            if (node == null) {
                return null;
            }
            String type = requiredText(node, "Type");
            return type == null ? null : new DocumentType(type, text(node, "TypeDetail"), text(node, "TypeName"));
        }

        private SignerInfo signer(XmlNode node) {
            SignerInfo signer = new SignerInfo(text(node, "Competence"), text(node, "Position"),
                    text(node, "FullName"));
            return signer.competence() == null && signer.position() == null && signer.fullName() == null
                    ? null : signer;
        }

        private OtherInfo otherInfo(XmlNode node) {
            List<String> appendixes = node.child("Appendixes")
                    .map(a -> a.children("Appendix").stream().map(XmlNode::text).filter(t -> t != null).toList())
                    .orElse(List.of());
            return new OtherInfo(integer(node, "Priority"), text(node, "SphereOfPromulgation"),
                    text(node, "TyperNotation"), integer(node, "PromulgationAmount"), integer(node, "PageAmount"),
                    bool(node, "Direction"), appendixes);
        }

        private ResponseFor responseFor(XmlNode node) {
            String organId = requiredText(node, "OrganId");
            String documentId = requiredText(node, "DocumentId");
            return new ResponseFor(organId, text(node, "Code"), date(node, "PromulgationDate"), documentId);
        }

        private StaffInfo staff(XmlNode node) {
            StaffInfo staff = new StaffInfo(text(node, "Department"), text(node, "Staff"), text(node, "Email"),
                    text(node, "Mobile"));
            return staff.department() == null && staff.name() == null && staff.email() == null
                    && staff.mobile() == null ? null : staff;
        }

        private StatusCode statusCode(XmlNode messageHeader) {
            String code = requiredText(messageHeader, "StatusCode");
            if (code == null) {
                return null;
            }
            Optional<StatusCode> status = StatusCode.ofCode(code);
            if (status.isEmpty()) {
                violation("STATUS_CODE_UNKNOWN", messageHeader.path("StatusCode"),
                        "not one of the status codes 01, 02, 03, 04, 05, 06, 13, 15, 16");
            }
            return status.orElse(null);
        }

        private TraceInfo trace(XmlNode node) {
            List<TraceHeader> headers = node.children("TraceHeader").stream()
                    .map(h -> new TraceHeader(requiredText(h, "OrganId"), requiredDateTime(h, "Timestamp")))
                    .toList();
            Business business = node.child("Bussiness", "Business").map(this::business).orElse(null);
            return new TraceInfo(headers, business);
        }

        private Business business(XmlNode node) {
            String documentId = requiredText(node, "DocumentId");
            BusinessDocType type = businessDocType(node);
            String reason = node.child("BussinessDocReason", "BusinessDocReason").map(XmlNode::text).orElse(null);
            BusinessDocumentInfo info = node.child("BussinessDocumentInfo", "BusinessDocumentInfo")
                    .map(this::businessDocumentInfo).orElse(null);
            List<Replacement> replacements = node.child("ReplacementInfoList")
                    .map(list -> list.children("ReplacementInfo").stream()
                            .map(r -> new Replacement(requiredText(r, "DocumentId"), r.child("OrganIdList")
                                    .map(ids -> ids.children("OrganId").stream().map(XmlNode::text)
                                            .filter(t -> t != null).toList())
                                    .orElse(List.of())))
                            .toList())
                    .orElse(List.of());
            return new Business(documentId, type, reason, integer(node, "Paper"), info, replacements,
                    node.child("StaffInfo").map(this::staff).orElse(null));
        }

        private BusinessDocType businessDocType(XmlNode node) {
            Optional<XmlNode> element = node.child("BussinessDocType", "BusinessDocType");
            if (element.isEmpty() || element.get().text() == null) {
                violation("ELEMENT_MISSING", node.path("BussinessDocType"), "BussinessDocType is required");
                return null;
            }
            Integer code = integerOf(element.get());
            Optional<BusinessDocType> type = code == null ? Optional.empty() : BusinessDocType.ofCode(code);
            if (code != null && type.isEmpty()) {
                violation("BUSINESS_DOC_TYPE_UNKNOWN", element.get().path(),
                        "not one of the business document types 0 new, 1 revoke, 2 update, 3 replace");
            }
            return type.orElse(null);
        }

        private BusinessDocumentInfo businessDocumentInfo(XmlNode node) {
            List<Receiver> receivers = node.child("ReceiverList")
                    .map(list -> list.children("Receiver").stream()
                            .map(r -> new Receiver(requiredText(r, "OrganId"), text(r, "ReceiverType")))
                            .toList())
                    .orElse(List.of());
            return new BusinessDocumentInfo(text(node, "DocumentInfo"), text(node, "DocumentReceiver"), receivers);
        }

        private List<EdocAttachment> attachments(XmlNode root) {
            Optional<XmlNode> encoded = root.child("AttachmentEncoded");
            if (encoded.isEmpty()) {
                return List.of();
            }
            List<XmlNode> manifest = root.child("edXMLEnvelope").flatMap(e -> e.child("edXMLBody"))
                    .flatMap(b -> b.child("edXMLManifest")).map(m -> m.children("Reference")).orElse(List.of());
            List<EdocAttachment> attachments = new ArrayList<>();
            for (XmlNode attachment : encoded.get().children("Attachment")) {
                Optional<XmlNode> reference = reference(manifest, text(attachment, "ContentId"));
                String name = textOr(attachment, reference, "AttachmentName");
                String contentType = textOr(attachment, reference, "ContentType");
                String description = textOr(attachment, reference, "Description");
                byte[] content = attachment.child("ContentTransferEncoded").map(XmlNode::bytes).orElse(null);
                if (name == null) {
                    violation("ELEMENT_MISSING", attachment.path("AttachmentName"), "AttachmentName is required");
                }
                if (content == null) {
                    violation("ELEMENT_MISSING", attachment.path("ContentTransferEncoded"),
                            "ContentTransferEncoded is required");
                }
                if (name != null && content != null) {
                    attachments.add(new EdocAttachment(name,
                            contentType == null ? "application/octet-stream" : contentType, description, content));
                }
            }
            return attachments;
        }

        private static Optional<XmlNode> reference(List<XmlNode> manifest, String contentId) {
            if (contentId == null) {
                return Optional.empty();
            }
            return manifest.stream().filter(r -> contentId.equals(r.child("ContentId").map(XmlNode::text).orElse(null)))
                    .findFirst();
        }

        private static String textOr(XmlNode node, Optional<XmlNode> fallback, String name) {
            String own = text(node, name);
            return own != null ? own : fallback.map(f -> text(f, name)).orElse(null);
        }

        private void checkDocumentId(XmlNode declared, EdocDocument document) {
            String value = declared.text();
            if (value == null) {
                return;
            }
            Optional<DocumentId> id = DocumentId.tryParse(value);
            if (id.isEmpty()) {
                violation("DOCUMENT_ID_INVALID", declared.path(),
                        "DocumentId is not {organId},{yyyy/MM/dd},{number}/{notation}");
            } else if (!id.get().equals(document.documentId())) {
                violation("DOCUMENT_ID_MISMATCH", declared.path(),
                        "DocumentId does not match From/OrganId, PromulgationInfo/PromulgationDate and Code");
            }
        }

        private static String text(XmlNode parent, String name) {
            return parent.child(name).map(XmlNode::text).orElse(null);
        }

        private XmlNode required(XmlNode parent, String name) {
            Optional<XmlNode> child = parent.child(name);
            if (child.isEmpty()) {
                violation("ELEMENT_MISSING", parent.path(name), name + " is required");
            }
            return child.orElse(null);
        }

        private String requiredText(XmlNode parent, String name) {
            String value = text(parent, name);
            if (value == null) {
                violation("ELEMENT_MISSING", parent.path(name), name + " is required");
            }
            return value;
        }

        private LocalDate date(XmlNode parent, String name) {
            Optional<XmlNode> node = parent.child(name);
            String value = node.map(XmlNode::text).orElse(null);
            if (value == null) {
                return null;
            }
            Optional<LocalDate> date = EdxmlDates.parseDate(value);
            if (date.isEmpty()) {
                violation("DATE_INVALID", node.get().path(), name + " is not a day written yyyy/MM/dd or dd/MM/yyyy");
            }
            return date.orElse(null);
        }

        private LocalDate requiredDate(XmlNode parent, String name) {
            return requiredText(parent, name) == null ? null : date(parent, name);
        }

        private LocalDateTime requiredDateTime(XmlNode parent, String name) {
            String value = requiredText(parent, name);
            if (value == null) {
                return null;
            }
            Optional<LocalDateTime> moment = EdxmlDates.parseDateTime(value);
            if (moment.isEmpty()) {
                violation("DATE_INVALID", parent.path(name),
                        name + " is not a moment written yyyy/MM/dd HH:mm:ss or dd/MM/yyyy HH:mm:ss");
            }
            return moment.orElse(null);
        }

        private Integer integer(XmlNode parent, String name) {
            return parent.child(name).map(this::integerOf).orElse(null);
        }

        private Integer integerOf(XmlNode node) {
            String value = node.text();
            if (value == null) {
                return null;
            }
            if (value.length() <= 9 && value.matches("[+-]?[0-9]+")) {
                return Integer.valueOf(value);
            }
            violation("NUMBER_INVALID", node.path(), node.name() + " is not a whole number");
            return null;
        }

        private Boolean bool(XmlNode parent, String name) {
            Optional<XmlNode> node = parent.child(name);
            String value = node.map(XmlNode::text).map(v -> v.toLowerCase(Locale.ROOT)).orElse(null);
            if (value == null) {
                return null;
            }
            switch (value) {
                case "true", "1" -> {
                    return true;
                }
                case "false", "0" -> {
                    return false;
                }
                default -> {
                    violation("BOOLEAN_INVALID", node.get().path(), name + " is not true or false");
                    return null;
                }
            }
        }

        private void violation(String code, String path, String message) {
            if (violations.size() < MAX_VIOLATIONS) {
                violations.add(new Violation(path, message, code));
            }
        }

        private GatewayException refusal() {
            return EdxmlRefusal.invalid(violations);
        }
    }
}
