package vn.lienthong.gateway.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.vdxp.EdocAttachment;
import vn.lienthong.gateway.vdxp.EdocDocument;
import vn.lienthong.gateway.vdxp.EdocStatus;
import vn.lienthong.gateway.vdxp.Organ;

/**
 * Writes what a local document system is given (docs/vdxp-adapter.md, Delivery to local systems;
 * {@code schemas/local/}): an incoming document in the shape of the document API with its attachments in base64 and
 * their SHA-256, or an incoming status message, each with the axis id, the time it was taken in and the verdict on
 * its signature. Dates are {@code yyyy-MM-dd}, times ISO-8601 in Viet Nam's offset; absent values are left out.
 */
@Component
public class IncomingJson {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JsonFactory factory;
    private final ObjectMapper json;

    IncomingJson(ObjectMapper json) {
        this.json = json;
        this.factory = json.getFactory();
    }

    /**
     * The JSON of an incoming document for one recipient organ, each signed PDF attachment with the verdict on its
     * signature.
     */
    public byte[] document(EdocDocument d, Receipt receipt, List<SentDocuments.AttachmentVerdict> attachmentVerdicts) {
        return write(g -> {
            head(g, d.documentId().value(), receipt);
            organ(g, "from", d.from());
            g.writeArrayFieldStart("to");
            for (Organ to : d.to()) {
                organ(g, null, to);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("code");
            g.writeStringField("number", d.code().number());
            g.writeStringField("notation", d.code().notation());
            g.writeEndObject();
            g.writeObjectFieldStart("promulgation");
            text(g, "place", d.promulgation().place());
            date(g, "date", d.promulgation().date());
            g.writeEndObject();
            g.writeObjectFieldStart("type");
            text(g, "type", d.type().type());
            text(g, "typeDetail", d.type().typeDetail());
            text(g, "name", d.type().name());
            g.writeEndObject();
            text(g, "subject", d.subject());
            text(g, "content", d.content());
            if (d.signer() != null) {
                g.writeObjectFieldStart("signer");
                text(g, "competence", d.signer().competence());
                text(g, "position", d.signer().position());
                text(g, "fullName", d.signer().fullName());
                g.writeEndObject();
            }
            date(g, "dueDate", d.dueDate());
            g.writeNumberField("priority", d.priority());
            if (d.steeringType() != null) {
                g.writeNumberField("steeringType", d.steeringType());
            }
            if (!d.toPlaces().isEmpty()) {
                g.writeArrayFieldStart("toPlaces");
                for (String place : d.toPlaces()) {
                    g.writeString(place);
                }
                g.writeEndArray();
            }
            if (d.trace() != null && d.trace().business() != null && d.trace().business().type() != null) {
                g.writeNumberField("businessDocType", d.trace().business().type().code());
            }
            attachments(g, d.attachments(), attachmentVerdicts);
            verdict(g, receipt.verdict());
        });
    }

    /** The JSON of an incoming status message for the organ whose document it is about. */
    public byte[] status(EdocStatus s, Receipt receipt) {
        return write(g -> {
            head(g, s.responseFor().documentId(), receipt);
            g.writeObjectFieldStart("from");
            g.writeStringField("organId", s.from().organId());
            text(g, "organName", s.from().organName());
            g.writeEndObject();
            g.writeStringField("statusCode", s.statusCode().code());
            text(g, "description", s.description());
            if (s.staff() != null) {
                g.writeObjectFieldStart("staff");
                text(g, "department", s.staff().department());
                text(g, "name", s.staff().name());
                text(g, "email", s.staff().email());
                text(g, "mobile", s.staff().mobile());
                g.writeEndObject();
            }
            g.writeStringField("at", vietnam(s.timestamp()));
            verdict(g, receipt.verdict());
        });
    }

    /** The time of a status message (Viet Nam's local time, as edXML writes it) with Viet Nam's offset. */
    static String vietnam(LocalDateTime local) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(vietnamTime(local));
    }

    /** A time as edXML writes it (Viet Nam's local time) as a moment. */
    static OffsetDateTime vietnamTime(LocalDateTime local) {
        return local.atZone(VIETNAM).toOffsetDateTime();
    }

    private static void head(JsonGenerator g, String documentId, Receipt receipt) throws IOException {
        g.writeStringField("documentId", documentId);
        g.writeStringField("axisDocId", receipt.axisDocId());
        g.writeStringField("receivedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                receipt.receivedAt().atZoneSameInstant(VIETNAM)));
    }

    private static void organ(JsonGenerator g, String field, Organ organ) throws IOException {
        if (field == null) {
            g.writeStartObject();
        } else {
            g.writeObjectFieldStart(field);
        }
        g.writeStringField("organId", organ.organId());
        text(g, "organName", organ.organName());
        text(g, "organizationInCharge", organ.organizationInCharge());
        text(g, "address", organ.organAdd());
        text(g, "email", organ.email());
        text(g, "telephone", organ.telephone());
        text(g, "fax", organ.fax());
        text(g, "website", organ.website());
        g.writeEndObject();
    }

    private static void attachments(JsonGenerator g, List<EdocAttachment> attachments,
                                    List<SentDocuments.AttachmentVerdict> verdicts) throws IOException {
        g.writeArrayFieldStart("attachments");
        for (int i = 0; i < attachments.size(); i++) {
            EdocAttachment a = attachments.get(i);
            g.writeStartObject();
            g.writeStringField("name", a.name());
            g.writeStringField("contentType", a.contentType());
            text(g, "description", a.description());
            g.writeFieldName("content");
            g.writeBinary(a.content());
            g.writeStringField("sha256", Sha256.hex(a.content()));
            int index = i;
            Optional<SentDocuments.AttachmentVerdict> verdict = verdicts.stream()
                    .filter(v -> v.attachment() == index).findFirst();
            if (verdict.isPresent()) {
                g.writeObjectFieldStart("signature");
                text(g, "format", verdict.get().format());
                text(g, "verdict", verdict.get().verdict());
                text(g, "reason", verdict.get().reason());
                text(g, "signerSubject", verdict.get().signerSubject());
                text(g, "signerOrgan", verdict.get().signerOrgan());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void verdict(JsonGenerator g, ReceiptVerdict verdict) throws IOException {
        g.writeFieldName("signature");
        json.writeValue(g, verdict);
    }

    private static void text(JsonGenerator g, String field, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            g.writeStringField(field, value);
        }
    }

    private static void date(JsonGenerator g, String field, LocalDate value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value.toString());
        }
    }

    private byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("The JSON for the local system cannot be written", e);
        }
        return out.toByteArray();
    }

    /** Writes the fields of one body. */
    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }
}
