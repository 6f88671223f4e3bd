package vn.lienthong.gateway.document;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.gateway.vdxp.DocumentId;
import vn.lienthong.gateway.vdxp.EdocStatus;
import vn.lienthong.gateway.vdxp.Organ;
import vn.lienthong.gateway.vdxp.ResponseFor;
import vn.lienthong.gateway.vdxp.StaffInfo;
import vn.lienthong.gateway.vdxp.StatusCode;

/**
 * Reads the canonical status JSON the gateway stores and queues ({@code documentId}, {@code from} resolved, then the
 * fields of {@code schemas/json/document-status.schema.json}) into an edXML status message, its time on Viet Nam's
 * clock as edXML writes it.
 */
public final class StatusJson {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private StatusJson() {
    }

    /** The status message; the JSON was checked when it was accepted. */
    public static EdocStatus toStatus(JsonNode canonical) {
        DocumentId documentId = DocumentId.parse(canonical.path("documentId").asText());
        JsonNode from = canonical.path("from");
        JsonNode staff = canonical.path("staff");
        LocalDateTime at = OffsetDateTime.parse(canonical.path("at").asText()).atZoneSameInstant(VIETNAM)
                .toLocalDateTime();
        return new EdocStatus(Organ.of(from.path("organId").asText(), DocumentJson.text(from, "organName")),
                new ResponseFor(documentId.organId(), documentId.number() + "/" + documentId.notation(),
                        documentId.date(), canonical.path("documentId").asText()),
                staff.isObject() ? new StaffInfo(DocumentJson.text(staff, "department"),
                        DocumentJson.text(staff, "name"), DocumentJson.text(staff, "email"),
                        DocumentJson.text(staff, "mobile")) : null,
                StatusCode.ofCode(canonical.path("statusCode").asText()).orElseThrow(
                        () -> new IllegalArgumentException("not a status code")),
                DocumentJson.text(canonical, "description"), at);
    }
}
