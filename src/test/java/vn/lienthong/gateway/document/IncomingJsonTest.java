package vn.lienthong.gateway.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.vdxp.EdocDocument;
import vn.lienthong.gateway.vdxp.EdocStatus;
import vn.lienthong.gateway.vdxp.EdxmlLimits;
import vn.lienthong.gateway.vdxp.EdxmlParser;
import vn.lienthong.gateway.vdxp.VdxpMessageType;

/**
 * The field's edXML samples, as senders write them (dates {@code dd/MM/yyyy}, empty elements), become the JSON the
 * local systems' contract describes ({@code schemas/local/}), dates {@code yyyy-MM-dd}, attachments with their SHA-256.
 */
class IncomingJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final EdxmlParser PARSER = new EdxmlParser(EdxmlLimits.defaults());
    private static final ReceiptVerdict INDETERMINATE = new ReceiptVerdict("INDETERMINATE", "REVOCATION_UNKNOWN",
            "CN=Sở Tài chính", "000.00.11.H53", "0A1B", "CN=CA phục vụ các cơ quan Nhà nước", null);

    private final IncomingJson writer = new IncomingJson(MAPPER);

    @Test
    void writesTheFieldDocumentAsTheLocalSystemsContractSays() throws Exception {
        EdocDocument document = (EdocDocument) PARSER.parse(Files.readAllBytes(Path.of("samples/edxml/edoc_new.edxml")));
        Receipt receipt = receipt(VdxpMessageType.EDOC, document.to().get(0).organId(), document.documentId().value());

        JsonNode json = MAPPER.readTree(writer.document(document, receipt, List.of(new SentDocuments.AttachmentVerdict(
                0, "PDF", "INVALID", "MODIFIED_AFTER_SIGNING", "CN=Sở Tài chính", "000.00.11.H53"))));

        assertThat(violations("local/incoming-document.schema.json", json)).isEmpty();
        assertThat(json.path("documentId").asText()).isEqualTo("000.00.11.H53,2020/10/30,2491/STC-BCTC");
        assertThat(json.path("promulgation").path("date").asText()).isEqualTo("2020-10-30");
        assertThat(json.path("receivedAt").asText()).isEqualTo("2024-03-05T08:00:00+07:00");
        assertThat(json.path("from").has("address")).as("empty elements are left out").isFalse();
        assertThat(json.path("signature").path("verdict").asText()).isEqualTo("INDETERMINATE");
        assertThat(json.path("signature").path("reason").asText()).isEqualTo("REVOCATION_UNKNOWN");
        assertThat(json.path("attachments")).hasSize(document.attachments().size());
        assertThat(json.at("/attachments/0/signature/verdict").asText()).isEqualTo("INVALID");
        assertThat(json.at("/attachments/0/signature/reason").asText()).isEqualTo("MODIFIED_AFTER_SIGNING");
        for (int i = 0; i < document.attachments().size(); i++) {
            byte[] content = document.attachments().get(i).content();
            assertThat(json.path("attachments").get(i).path("sha256").asText()).isEqualTo(Sha256.hex(content));
            assertThat(json.path("attachments").get(i).path("content").binaryValue()).isEqualTo(content);
        }
    }

    @Test
    void writesTheFieldStatusMessageAsTheLocalSystemsContractSays() throws Exception {
        EdocStatus status = (EdocStatus) PARSER.parse(Files.readAllBytes(
                Path.of("samples/edxml/status_processing_05.edxml")));
        Receipt receipt = receipt(VdxpMessageType.STATUS, status.responseFor().organId(),
                status.responseFor().documentId());

        JsonNode json = MAPPER.readTree(writer.status(status, receipt));

        assertThat(violations("local/incoming-status.schema.json", json)).isEmpty();
        assertThat(json.path("statusCode").asText()).isEqualTo("05");
        assertThat(json.path("documentId").asText()).isEqualTo(status.responseFor().documentId());
        assertThat(OffsetDateTime.parse(json.path("at").asText()).getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
    }

    private static Receipt receipt(VdxpMessageType type, String to, String documentId) {
        return new Receipt("k", type, to, "000.00.11.H53", documentId, null, "b1e0-axis-item", "m",
                OffsetDateTime.parse("2024-03-05T01:00:00Z"), INDETERMINATE, null);
    }

    private static java.util.List<String> violations(String schema, JsonNode json) throws Exception {
        JsonSchema loaded = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                MAPPER.readTree(Files.readAllBytes(Path.of("schemas", schema))),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        return loaded.validate(json).stream().map(Object::toString).toList();
    }
}
