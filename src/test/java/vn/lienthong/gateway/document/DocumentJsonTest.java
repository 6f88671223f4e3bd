package vn.lienthong.gateway.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.GatewayException.Violation;
import vn.lienthong.gateway.signature.SignatureFormat;
import vn.lienthong.gateway.vdxp.EdocDocument;

/** How the document API's JSON becomes the edXML model: fields, attachments decoded once, and what cannot be read. */
class DocumentJsonTest {

    private final DocumentJson reader = new DocumentJson(3, 1024);

    @Test
    void readsEveryFieldAndDerivesTheDocumentId() {
        byte[] content = {1, 2, 3};
        ObjectNode json = DocumentSamples.document("57", content, new byte[] {9});

        DocumentJson.Read read = reader.read(json);

        assertThat(read.violations()).isEmpty();
        EdocDocument document = read.document().document();
        assertThat(read.document().documentId()).isEqualTo("000.00.17.H56,2024/03/05,57/UBND-TP");
        assertThat(document.to()).extracting(o -> o.organId()).containsExactly("000.00.00.G22");
        assertThat(document.type().type()).isEqualTo("1");
        assertThat(document.type().typeDetail()).isEqualTo("0");
        assertThat(document.priority()).isZero();
        assertThat(document.steeringType()).isEqualTo(1);
        assertThat(document.dueDate()).hasToString("2024-11-30");
        assertThat(document.attachments().get(0).content()).containsExactly(1, 2, 3);
        assertThat(read.document().signatures()).singleElement().satisfies(s -> {
            assertThat(s.format()).isEqualTo(SignatureFormat.CMS_DETACHED);
            assertThat(s.signature()).containsExactly(9);
            assertThat(s.pointer()).isEqualTo("/attachments/0/signature");
        });
    }

    @Test
    void refusesBase64WithLineBreaksOrForeignCharacters() {
        for (String bad : new String[] {"AQID\nBA==", "AQID*", "AQI"}) {
            ObjectNode json = DocumentSamples.document("1", new byte[1], null);
            ((ObjectNode) json.at("/attachments/0")).put("content", bad);

            assertThat(reader.read(json).violations()).as(bad).extracting(Violation::pointer, Violation::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("/attachments/0/content", "BASE64_INVALID"));
        }
    }

    @Test
    void judgesAnOversizeAttachmentByItsLengthBeforeDecodingIt() {
        ObjectNode json = DocumentSamples.document("1", new byte[1], null);
        ((ObjectNode) json.at("/attachments/0")).put("content", "A".repeat(4 * 1024) + "!");

        assertThat(reader.read(json).violations()).extracting(Violation::code).containsExactly("ATTACHMENT_TOO_LARGE");
    }

    @Test
    void decodesNothingWhenThereAreTooManyAttachments() {
        ObjectNode json = DocumentSamples.document("1", new byte[1], null);
        for (int i = 0; i < 3; i++) {
            json.withArray("attachments").addObject().put("name", "a" + i).put("contentType", "text/plain")
                    .put("content", "not base64 at all");
        }

        DocumentJson.Read read = reader.read(json);

        assertThat(read.violations()).extracting(Violation::pointer, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/attachments", "ATTACHMENTS_TOO_MANY"));
        assertThat(read.document().document().attachments()).isEmpty();
    }

    @Test
    void needsASignatureForCmsDetachedAndNoneForPdf() {
        ObjectNode cms = DocumentSamples.document("1", new byte[1], null);
        ((ObjectNode) cms.at("/attachments/0")).put("signatureFormat", "CMS_DETACHED");
        ObjectNode pdf = DocumentSamples.document("2", new byte[1], new byte[] {1});
        ((ObjectNode) pdf.at("/attachments/0")).put("signatureFormat", "PDF");
        ObjectNode signedPdf = DocumentSamples.document("3", new byte[1], null);
        ((ObjectNode) signedPdf.at("/attachments/0")).put("signatureFormat", "PDF");

        assertThat(reader.read(cms).violations()).extracting(Violation::code).containsExactly("SIGNATURE_MISSING");
        assertThat(reader.read(pdf).violations()).extracting(Violation::code).containsExactly("SIGNATURE_NOT_EXPECTED");
        assertThat(reader.read(signedPdf).document().signatures()).singleElement().satisfies(s -> {
            assertThat(s.format()).isEqualTo(SignatureFormat.PDF);
            assertThat(s.pointer()).isEqualTo("/attachments/0/content");
        });
        assertThat(Base64.getEncoder().encodeToString(new byte[1])).isEqualTo(signedPdf.at("/attachments/0/content")
                .asText());
    }
}
