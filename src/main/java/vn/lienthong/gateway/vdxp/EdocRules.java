package vn.lienthong.gateway.vdxp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException;

/**
 * The rules an official document or a status message must meet before the gateway writes it as edXML (those of the
 * axis's checker, and what the schema needs): at least one recipient and none twice, organ ids in form, subject,
 * places, appendixes and attachment names within their lengths, attachments within the configured count and size,
 * safe attachment names, and only characters XML can carry. Every violation comes with its code and location (the
 * first {@value EdxmlParser#MAX_VIOLATIONS} of them).
 */
public final class EdocRules {

    public static final int MAX_SUBJECT = 500;
    public static final int MAX_TO_PLACE = 150;
    public static final int MAX_APPENDIX = 250;
    public static final int MAX_ATTACHMENT_NAME = 200;
    public static final int MAX_PRIORITY = 4;

    private static final String HEADER = "/edXML/edXMLEnvelope/edXMLHeader/MessageHeader";
    private static final String ATTACHMENTS = "/edXML/AttachmentEncoded/Attachment";
    private static final Pattern CONTENT_TYPE = Pattern.compile(
            "[A-Za-z0-9!#$&^_.+-]{1,127}/[A-Za-z0-9!#$&^_.+-]{1,127}(;.*)?");

    private final int maxAttachments;
    private final long maxAttachmentSize;

    public EdocRules(int maxAttachments, long maxAttachmentSize) {
        this.maxAttachments = maxAttachments;
        this.maxAttachmentSize = maxAttachmentSize;
    }

    public static EdocRules of(VdxpProperties settings) {
        return new EdocRules(settings.getMaxAttachments(), settings.getMaxAttachmentSize().toBytes());
    }

    /** Every rule the document breaks, in document order; empty when it may be sent. */
    public List<EdocViolation> check(EdocDocument document) {
        Check check = new Check();
        organ(check, document.from(), HEADER + "/From", "/from");
        if (document.to().isEmpty()) {
            check.add("TO_MISSING", HEADER + "/To", "/to", "a document needs at least one recipient (To)");
        }
        Set<String> recipients = new HashSet<>();
        for (int i = 0; i < document.to().size(); i++) {
            Organ to = document.to().get(i);
            String at = HEADER + "/To[" + (i + 1) + "]";
            organ(check, to, at, "/to/" + i);
            if (to != null && to.organId() != null && !recipients.add(to.organId())) {
                check.add("TO_REPEATED", at + "/OrganId", "/to/" + i + "/organId",
                        "this recipient is already listed (To/OrganId repeated)");
            }
        }
        check.required(document.code().number(), "CODE_NUMBER_MISSING", HEADER + "/Code/CodeNumber", "/code/number",
                "the document number");
        check.required(document.code().notation(), "CODE_NOTATION_MISSING", HEADER + "/Code/CodeNotation",
                "/code/notation", "the document notation");
        check.text(document.promulgation().place(), HEADER + "/PromulgationInfo/Place", "/promulgation/place");
        check.required(document.type().type(), "DOCUMENT_TYPE_MISSING", HEADER + "/DocumentType/Type", "/type/type",
                "the document type");
        check.text(document.type().typeDetail(), HEADER + "/DocumentType/TypeDetail", "/type/typeDetail");
        check.text(document.type().name(), HEADER + "/DocumentType/TypeName", "/type/name");
        if (check.required(document.subject(), "SUBJECT_MISSING", HEADER + "/Subject", "/subject", "the subject")) {
            check.max(document.subject(), MAX_SUBJECT, "SUBJECT_TOO_LONG", HEADER + "/Subject", "/subject",
                    "the subject");
        }
        check.text(document.content(), HEADER + "/Content", "/content");
        if (document.signer() != null) {
            check.text(document.signer().competence(), HEADER + "/SignerInfo/Competence", "/signer/competence");
            check.text(document.signer().position(), HEADER + "/SignerInfo/Position", "/signer/position");
            check.text(document.signer().fullName(), HEADER + "/SignerInfo/FullName", "/signer/fullName");
        }
        otherInfo(check, document.otherInfo());
        for (int i = 0; i < document.responseFor().size(); i++) {
            String at = document.responseFor().size() > 1 ? HEADER + "/ResponseFor[" + (i + 1) + "]"
                    : HEADER + "/ResponseFor";
            responseFor(check, document.responseFor().get(i), at, null);
        }
        for (int i = 0; i < document.toPlaces().size(); i++) {
            String place = document.toPlaces().get(i);
            String at = HEADER + "/ToPlaces/Place[" + (i + 1) + "]";
            if (check.required(place, "TO_PLACE_MISSING", at, "/toPlaces/" + i, "a place")) {
                check.max(place, MAX_TO_PLACE, "TO_PLACE_TOO_LONG", at, "/toPlaces/" + i, "a place");
            }
        }
        trace(check, document.trace());
        attachments(check, document.attachments());
        return check.violations;
    }

    /** Every rule the status message breaks; empty when it may be sent. */
    public List<EdocViolation> check(EdocStatus status) {
        Check check = new Check();
        organ(check, status.from(), HEADER + "/From", null);
        responseFor(check, status.responseFor(), HEADER + "/ResponseFor", null);
        if (status.staff() != null) {
            staff(check, status.staff(), HEADER + "/StaffInfo", "/staff");
        }
        check.text(status.description(), HEADER + "/Description", "/description");
        return check.violations;
    }

    /**
     * The document, unless it breaks a rule.
     *
     * @throws GatewayException {@code DOCUMENT_INVALID} with every violation located in edXML
     */
    public EdocDocument require(EdocDocument document) {
        refuseIfAny(check(document));
        return document;
    }

    /**
     * The status message, unless it breaks a rule.
     *
     * @throws GatewayException {@code DOCUMENT_INVALID} with every violation located in edXML
     */
    public EdocStatus require(EdocStatus status) {
        refuseIfAny(check(status));
        return status;
    }

    private static void refuseIfAny(List<EdocViolation> violations) {
        if (!violations.isEmpty()) {
            throw new GatewayException(ErrorCode.DOCUMENT_INVALID, violations.size() == 1
                    ? "The document breaks a rule: " + violations.get(0).message() + "."
                    : "The document breaks " + violations.size() + " rules; see errors.",
                    violations.stream().map(EdocViolation::inEdxml).toList());
        }
    }

    private static void organ(Check check, Organ organ, String at, String pointer) {
        if (organ == null) {
            check.add("ORGAN_ID_INVALID", at + "/OrganId", child(pointer, "organId"), "the organ id is missing");
            return;
        }
        if (!OrganIds.isValid(organ.organId())) {
            check.add("ORGAN_ID_INVALID", at + "/OrganId", child(pointer, "organId"),
                    "the organ id is not of the form 000.00.00.A00");
        }
        check.text(organ.organizationInCharge(), at + "/OrganizationInCharge", child(pointer, "organizationInCharge"));
        check.text(organ.organName(), at + "/OrganName", child(pointer, "organName"));
        check.text(organ.organAdd(), at + "/OrganAdd", child(pointer, "organAdd"));
        check.text(organ.email(), at + "/Email", child(pointer, "email"));
        check.text(organ.telephone(), at + "/Telephone", child(pointer, "telephone"));
        check.text(organ.fax(), at + "/Fax", child(pointer, "fax"));
        check.text(organ.website(), at + "/Website", child(pointer, "website"));
    }

    private static void otherInfo(Check check, OtherInfo info) {
        if (info == null) {
            return;
        }
        String at = HEADER + "/OtherInfo";
        if (info.priority() != null && (info.priority() < 0 || info.priority() > MAX_PRIORITY)) {
            check.add("PRIORITY_INVALID", at + "/Priority", "/priority", "the priority is 0 to " + MAX_PRIORITY);
        }
        check.text(info.sphereOfPromulgation(), at + "/SphereOfPromulgation", null);
        check.text(info.typerNotation(), at + "/TyperNotation", null);
        if (info.promulgationAmount() != null && info.promulgationAmount() < 0
                || info.pageAmount() != null && info.pageAmount() < 0) {
            check.add("AMOUNT_INVALID", at, null, "the numbers of copies and pages cannot be negative");
        }
        for (int i = 0; i < info.appendixes().size(); i++) {
            String appendix = info.appendixes().get(i);
            String where = at + "/Appendixes/Appendix[" + (i + 1) + "]";
            if (check.required(appendix, "APPENDIX_MISSING", where, "/appendixes/" + i, "an appendix")) {
                check.max(appendix, MAX_APPENDIX, "APPENDIX_TOO_LONG", where, "/appendixes/" + i, "an appendix");
            }
        }
    }

    private static void responseFor(Check check, ResponseFor responseFor, String at, String pointer) {
        if (responseFor == null) {
            check.add("RESPONSE_FOR_MISSING", at, pointer, "the document this refers to is missing");
            return;
        }
        check.required(responseFor.organId(), "RESPONSE_FOR_MISSING", at + "/OrganId", pointer,
                "the organ id of the document referred to");
        check.required(responseFor.documentId(), "RESPONSE_FOR_MISSING", at + "/DocumentId", pointer,
                "the id of the document referred to");
        check.text(responseFor.code(), at + "/Code", pointer);
    }

    private static void staff(Check check, StaffInfo staff, String at, String pointer) {
        check.text(staff.department(), at + "/Department", child(pointer, "department"));
        check.text(staff.name(), at + "/Staff", child(pointer, "name"));
        check.text(staff.email(), at + "/Email", child(pointer, "email"));
        check.text(staff.mobile(), at + "/Mobile", child(pointer, "mobile"));
    }

    private static void trace(Check check, TraceInfo trace) {
        if (trace == null) {
            return;
        }
        String at = "/edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList";
        for (int i = 0; i < trace.headers().size(); i++) {
            TraceHeader header = trace.headers().get(i);
            if (header.organId() == null || header.organId().isBlank() || header.timestamp() == null) {
                check.add("TRACE_INCOMPLETE", at + "/TraceHeader[" + (i + 1) + "]", null,
                        "a trace header needs an organ id and a timestamp");
            } else {
                check.text(header.organId(), at + "/TraceHeader[" + (i + 1) + "]/OrganId", null);
            }
        }
        Business business = trace.business();
        if (business == null) {
            return;
        }
        String where = at + "/Bussiness";
        if (business.documentId() == null || business.documentId().isBlank() || business.type() == null) {
            check.add("TRACE_INCOMPLETE", where, null, "the business part needs a document id and a type");
        }
        check.text(business.documentId(), where + "/DocumentId", null);
        check.text(business.reason(), where + "/BussinessDocReason", null);
        if (business.documentInfo() != null) {
            check.text(business.documentInfo().documentInfo(), where + "/BussinessDocumentInfo/DocumentInfo", null);
            check.text(business.documentInfo().documentReceiver(), where + "/BussinessDocumentInfo/DocumentReceiver",
                    null);
            List<Receiver> receivers = business.documentInfo().receivers();
            for (int i = 0; i < receivers.size(); i++) {
                String receiver = where + "/BussinessDocumentInfo/ReceiverList/Receiver[" + (i + 1) + "]";
                check.required(receivers.get(i).organId(), "TRACE_INCOMPLETE", receiver + "/OrganId", null,
                        "the receiver's organ id");
                check.text(receivers.get(i).receiverType(), receiver + "/ReceiverType", null);
            }
        }
        for (int i = 0; i < business.replacements().size(); i++) {
            Replacement replacement = business.replacements().get(i);
            String replaced = where + "/ReplacementInfoList/ReplacementInfo[" + (i + 1) + "]";
            check.required(replacement.documentId(), "TRACE_INCOMPLETE", replaced + "/DocumentId", null,
                    "the id of the replaced document");
            for (int j = 0; j < replacement.organIds().size(); j++) {
                check.required(replacement.organIds().get(j), "TRACE_INCOMPLETE",
                        replaced + "/OrganIdList/OrganId[" + (j + 1) + "]", null, "an organ id");
            }
        }
        if (business.staff() != null) {
            staff(check, business.staff(), where + "/StaffInfo", null);
        }
    }

    private void attachments(Check check, List<EdocAttachment> attachments) {
        if (attachments.size() > maxAttachments) {
            check.add("ATTACHMENTS_TOO_MANY", "/edXML/AttachmentEncoded", "/attachments",
                    "more than " + maxAttachments + " attachments");
        }
        for (int i = 0; i < attachments.size(); i++) {
            EdocAttachment attachment = attachments.get(i);
            String at = ATTACHMENTS + "[" + (i + 1) + "]";
            String pointer = "/attachments/" + i;
            if (check.required(attachment.name(), "ATTACHMENT_NAME_MISSING", at + "/AttachmentName",
                    pointer + "/name", "the attachment name")) {
                check.max(attachment.name(), MAX_ATTACHMENT_NAME, "ATTACHMENT_NAME_TOO_LONG",
                        at + "/AttachmentName", pointer + "/name", "the attachment name");
                if (!safeFileName(attachment.name())) {
                    check.add("ATTACHMENT_NAME_INVALID", at + "/AttachmentName", pointer + "/name",
                            "an attachment name is a file name: no / or \\, not . or .., no control characters");
                }
            }
            if (attachment.contentType() == null || !CONTENT_TYPE.matcher(attachment.contentType()).matches()) {
                check.add("CONTENT_TYPE_INVALID", at + "/ContentType", pointer + "/contentType",
                        "the content type is not of the form type/subtype");
            } else {
                check.text(attachment.contentType(), at + "/ContentType", pointer + "/contentType");
            }
            check.text(attachment.description(), at + "/Description", pointer + "/description");
            if (attachment.size() > maxAttachmentSize) {
                check.add("ATTACHMENT_TOO_LARGE", at + "/ContentTransferEncoded", pointer + "/content",
                        "the attachment is larger than " + maxAttachmentSize + " bytes");
            }
        }
    }

    private static boolean safeFileName(String name) {
        if (name.equals(".") || name.equals("..") || name.strip().isEmpty()) {
            return false;
        }
        return name.codePoints().noneMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c));
    }

    private static String child(String pointer, String name) {
        return pointer == null ? null : pointer + "/" + name;
    }

    /** The violations found so far, and the checks that add to them. */
    private static final class Check {

        private final List<EdocViolation> violations = new ArrayList<>();

        void add(String code, String at, String pointer, String message) {
            if (violations.size() < EdxmlParser.MAX_VIOLATIONS) {
                violations.add(new EdocViolation(code, at, pointer, message));
            }
        }

        /** Whether the value is there; a violation of {@code code} when it is not. */
        boolean required(String value, String code, String at, String pointer, String what) {
            if (value == null || value.isBlank()) {
                add(code, at, pointer, what + " is required");
                return false;
            }
            text(value, at, pointer);
            return true;
        }

        void max(String value, int max, String code, String at, String pointer, String what) {
            int length = value.codePointCount(0, value.length());
            if (length > max) {
                add(code, at, pointer, what + " has " + length + " characters, at most " + max);
            }
        }

        /** A violation when the text has a character XML 1.0 cannot carry. */
        void text(String value, String at, String pointer) {
            if (value != null && !XmlCharacters.allLegal(value)) {
                add("CHARACTER_NOT_ALLOWED", at, pointer, "a character XML cannot carry (a control character "
                        + "other than tab and line breaks, an unpaired surrogate, U+FFFE or U+FFFF)");
            }
        }
    }
}
