package vn.lienthong.gateway.vdxp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an {@link EdocDocument} or {@link EdocStatus} as edXML, strictly: only what {@link EdocRules} lets pass,
 * children in the order of {@code schemas/edxml/edxml.xsd}, days {@code yyyy/MM/dd}, moments
 * {@code yyyy/MM/dd HH:mm:ss}, the {@link DocumentId} derived from the document, empty parts left out, UTF-8, and
 * attachments base64-encoded piece by piece straight into the output (no signature: the signer appends it as the last
 * child of {@code edXMLHeader}).
 */
public final class EdxmlBuilder {

    /** Bytes encoded per piece: a multiple of 3, so the pieces join into one base64 text without padding between. */
    private static final int CHUNK = 3 * 4096;

    private final EdocRules rules;

    public EdxmlBuilder(EdocRules rules) {
        this.rules = rules;
    }

    /**
     * Writes the message to the stream, which is flushed, not closed.
     *
     * @throws vn.lienthong.gateway.GatewayException {@code DOCUMENT_INVALID} when the message breaks a rule
     */
    public void write(EdxmlMessage message, OutputStream out) {
        if (message instanceof EdocDocument document) {
            rules.require(document);
        } else if (message instanceof EdocStatus status) {
            rules.require(status);
        }
        try {
            // The JDK's writer sends an OutputStream one byte per call; through a Writer it goes in blocks.
            OutputStreamWriter utf8 = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(utf8);
            new Writer(xml).message(message);
            xml.flush();
            xml.close();
            utf8.flush();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException("the edXML could not be written", e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message as edXML bytes, in a buffer sized for its attachments once encoded. */
    public byte[] toBytes(EdxmlMessage message) {
        long attachments = message instanceof EdocDocument document
                ? document.attachments().stream().mapToLong(a -> a.size() / 3 * 4 + 1024).sum() : 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 16,
                16 * 1024 + attachments));
        write(message, out);
        return out.toByteArray();
    }

    /** Writes one message; empty values are left out. */
    private static final class Writer {

        private final XMLStreamWriter xml;

        Writer(XMLStreamWriter xml) {
            this.xml = xml;
        }

        void message(EdxmlMessage message) throws XMLStreamException {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(Edxml.NAMESPACE);
            xml.setPrefix(Edxml.PREFIX, Edxml.NAMESPACE);
            xml.writeStartElement("", "edXML", Edxml.NAMESPACE);
            xml.writeDefaultNamespace(Edxml.NAMESPACE);
            xml.writeNamespace(Edxml.PREFIX, Edxml.NAMESPACE);
            start("edXMLEnvelope");
            start("edXMLHeader");
            start("MessageHeader");
            EdocDocument document = message instanceof EdocDocument d ? d : null;
            if (document != null) {
                documentHeader(document);
            } else {
                statusHeader((EdocStatus) message);
            }
            end();
            if (document != null) {
                trace(document.trace());
            }
            end();
            if (document != null) {
                body(document.attachments());
            }
            end();
            if (document != null) {
                attachments(document.attachments());
            }
            xml.writeEndElement();
            xml.writeEndDocument();
        }

        private void documentHeader(EdocDocument document) throws XMLStreamException {
            organ("From", document.from());
            for (Organ to : document.to()) {
                organ("To", to);
            }
            text("DocumentId", document.documentId().value());
            start("Code");
            text("CodeNumber", document.code().number());
            text("CodeNotation", document.code().notation());
            end();
            start("PromulgationInfo");
            text("Place", document.promulgation().place());
            date("PromulgationDate", document.promulgation().date());
            end();
            start("DocumentType");
            text("Type", document.type().type());
            text("TypeDetail", document.type().typeDetail());
            text("TypeName", document.type().name());
            end();
            text("Subject", document.subject());
            text("Content", document.content());
            SignerInfo signer = document.signer();
            if (signer != null && anyText(signer.competence(), signer.position(), signer.fullName())) {
                start("SignerInfo");
                text("Competence", signer.competence());
                text("Position", signer.position());
                text("FullName", signer.fullName());
                end();
            }
            date("DueDate", document.dueDate());
            otherInfo(document.otherInfo());
            for (ResponseFor responseFor : document.responseFor()) {
                responseFor(responseFor);
            }
            number("SteeringType", document.steeringType());
            List<String> places = document.toPlaces().stream().filter(EdxmlBuilder::hasText).toList();
            if (!places.isEmpty()) {
                start("ToPlaces");
                for (String place : places) {
                    text("Place", place);
                }
                end();
            }
        }

        private void statusHeader(EdocStatus status) throws XMLStreamException {
            organ("From", status.from());
            responseFor(status.responseFor());
            staff(status.staff());
            text("StatusCode", status.statusCode().code());
            text("Description", status.description());
            dateTime("Timestamp", status.timestamp());
        }

        private void organ(String name, Organ organ) throws XMLStreamException {
            start(name);
            text("OrganId", organ.organId());
            text("OrganizationInCharge", organ.organizationInCharge());
            text("OrganName", organ.organName());
            text("OrganAdd", organ.organAdd());
            text("Email", organ.email());
            text("Telephone", organ.telephone());
            text("Fax", organ.fax());
            text("Website", organ.website());
            end();
        }

        private void otherInfo(OtherInfo info) throws XMLStreamException {
            if (info == null) {
                return;
            }
            List<String> appendixes = info.appendixes().stream().filter(EdxmlBuilder::hasText).toList();
            if (info.priority() == null && !anyText(info.sphereOfPromulgation(), info.typerNotation())
                    && info.promulgationAmount() == null && info.pageAmount() == null && info.direction() == null
                    && appendixes.isEmpty()) {
                return;
            }
            start("OtherInfo");
            number("Priority", info.priority());
            text("SphereOfPromulgation", info.sphereOfPromulgation());
            text("TyperNotation", info.typerNotation());
            number("PromulgationAmount", info.promulgationAmount());
            number("PageAmount", info.pageAmount());
            if (info.direction() != null) {
                text("Direction", info.direction().toString());
            }
            if (!appendixes.isEmpty()) {
                start("Appendixes");
                for (String appendix : appendixes) {
                    text("Appendix", appendix);
                }
                end();
            }
            end();
        }

        private void responseFor(ResponseFor responseFor) throws XMLStreamException {
            start("ResponseFor");
            text("OrganId", responseFor.organId());
            text("Code", responseFor.code());
            date("PromulgationDate", responseFor.promulgationDate());
            text("DocumentId", responseFor.documentId());
            end();
        }

        private void staff(StaffInfo staff) throws XMLStreamException {
            if (staff == null || !anyText(staff.department(), staff.name(), staff.email(), staff.mobile())) {
                return;
            }
            start("StaffInfo");
            text("Department", staff.department());
            text("Staff", staff.name());
            text("Email", staff.email());
            text("Mobile", staff.mobile());
            end();
        }

        private void trace(TraceInfo trace) throws XMLStreamException {
            if (trace == null || trace.headers().isEmpty() && trace.business() == null) {
                return;
            }
            start("TraceHeaderList");
            for (TraceHeader header : trace.headers()) {
                start("TraceHeader");
                text("OrganId", header.organId());
                dateTime("Timestamp", header.timestamp());
                end();
            }
            Business business = trace.business();
            if (business != null) {
                start("Bussiness");
                text("DocumentId", business.documentId());
                text("BussinessDocType", String.valueOf(business.type().code()));
                text("BussinessDocReason", business.reason());
                number("Paper", business.paper());
                businessDocumentInfo(business.documentInfo());
                replacements(business.replacements());
                staff(business.staff());
                end();
            }
            end();
        }

        private void businessDocumentInfo(BusinessDocumentInfo info) throws XMLStreamException {
            if (info == null || !anyText(info.documentInfo(), info.documentReceiver()) && info.receivers().isEmpty()) {
                return;
            }
            start("BussinessDocumentInfo");
            text("DocumentInfo", info.documentInfo());
            text("DocumentReceiver", info.documentReceiver());
            if (!info.receivers().isEmpty()) {
                start("ReceiverList");
                for (Receiver receiver : info.receivers()) {
                    start("Receiver");
                    text("OrganId", receiver.organId());
                    text("ReceiverType", receiver.receiverType());
                    end();
                }
                end();
            }
            end();
        }

        private void replacements(List<Replacement> replacements) throws XMLStreamException {
            if (replacements.isEmpty()) {
                return;
            }
            start("ReplacementInfoList");
            for (Replacement replacement : replacements) {
                start("ReplacementInfo");
                text("DocumentId", replacement.documentId());
                if (!replacement.organIds().isEmpty()) {
                    start("OrganIdList");
                    for (String organId : replacement.organIds()) {
                        text("OrganId", organId);
                    }
                    end();
                }
                end();
            }
            end();
        }

        private void body(List<EdocAttachment> attachments) throws XMLStreamException {
            start("edXMLBody");
            start("edXMLManifest");
            xml.writeAttribute("version", Edxml.MANIFEST_VERSION);
            for (int i = 0; i < attachments.size(); i++) {
                EdocAttachment attachment = attachments.get(i);
                start("Reference");
                text("ContentId", contentId(i));
                text("ContentType", attachment.contentType());
                text("Description", attachment.description());
                text("AttachmentName", attachment.name());
                end();
            }
            end();
            end();
        }

        private void attachments(List<EdocAttachment> attachments) throws XMLStreamException {
            if (attachments.isEmpty()) {
                return;
            }
            start("AttachmentEncoded");
            for (int i = 0; i < attachments.size(); i++) {
                EdocAttachment attachment = attachments.get(i);
                start("Attachment");
                text("ContentId", contentId(i));
                text("AttachmentName", attachment.name());
                text("Description", attachment.description());
                text("ContentType", attachment.contentType());
                start("ContentTransferEncoded");
                base64(attachment.content());
                end();
                end();
            }
            end();
        }

        /** The content in pieces, so that neither the whole base64 text nor a second copy of the bytes is made. */
        private void base64(byte[] content) throws XMLStreamException {
            Base64.Encoder encoder = Base64.getEncoder();
            byte[] piece = new byte[CHUNK];
            byte[] encoded = new byte[CHUNK / 3 * 4];
            char[] characters = new char[encoded.length];
            for (int offset = 0; offset < content.length; offset += CHUNK) {
                int length = Math.min(CHUNK, content.length - offset);
                byte[] source = length == CHUNK ? piece : new byte[length];
                System.arraycopy(content, offset, source, 0, length);
                int n = encoder.encode(source, encoded);
                for (int i = 0; i < n; i++) {
                    characters[i] = (char) encoded[i];
                }
                xml.writeCharacters(characters, 0, n);
            }
        }

        private static String contentId(int index) {
            return "cid:" + (index + 1);
        }

        private void start(String name) throws XMLStreamException {
            xml.writeStartElement(Edxml.PREFIX, name, Edxml.NAMESPACE);
        }

        private void end() throws XMLStreamException {
            xml.writeEndElement();
        }

        private void text(String name, String value) throws XMLStreamException {
            if (hasText(value)) {
                start(name);
                characters(value);
                end();
            }
        }

        /** The text, with carriage returns as character references: a reader would turn them into line feeds. */
        private void characters(String value) throws XMLStreamException {
            int from = 0;
            for (int cr = value.indexOf('\r'); cr >= 0; cr = value.indexOf('\r', from)) {
                xml.writeCharacters(value.substring(from, cr));
                xml.writeEntityRef("#13");
                from = cr + 1;
            }
            xml.writeCharacters(value.substring(from));
        }

        private void number(String name, Integer value) throws XMLStreamException {
            if (value != null) {
                text(name, value.toString());
            }
        }

        private void date(String name, LocalDate value) throws XMLStreamException {
            if (value != null) {
                text(name, EdxmlDates.format(value));
            }
        }

        private void dateTime(String name, LocalDateTime value) throws XMLStreamException {
            if (value != null) {
                text(name, EdxmlDates.format(value));
            }
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean anyText(String... values) {
        for (String value : values) {
            if (hasText(value)) {
                return true;
            }
        }
        return false;
    }
}
