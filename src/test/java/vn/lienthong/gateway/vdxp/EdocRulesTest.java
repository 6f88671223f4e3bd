package vn.lienthong.gateway.vdxp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;

/** Each rule a document or status can break is reported with its stable code, its edXML path and its JSON pointer. */
class EdocRulesTest {

    private static final String HEADER = "/edXML/edXMLEnvelope/edXMLHeader/MessageHeader";
    private static final EdocRules RULES = new EdocRules(3, 1000);
    private static final EdocDocument VALID = Edocs.document(100);

    @Test
    void passesAValidDocumentAndStatus() {
        assertThat(RULES.check(VALID)).isEmpty();
        assertThat(RULES.check(Edocs.status(StatusCode.DONE, LocalDateTime.of(2024, 3, 6, 8, 0)))).isEmpty();
    }

    @Test
    void needsAtLeastOneRecipient() {
        assertThat(RULES.check(withTo(List.of())))
                .containsExactly(new EdocViolation("TO_MISSING", HEADER + "/To", "/to",
                        "a document needs at least one recipient (To)"));
    }

    @Test
    void refusesARecipientListedTwice() {
        List<Organ> to = List.of(Organ.of("000.00.00.G22", "VPCP"), Organ.of("000.00.01.A53", "VPTU"),
                Organ.of("000.00.00.G22", "Văn phòng Chính phủ"));

        assertThat(RULES.check(withTo(to))).extracting(EdocViolation::code, EdocViolation::edxmlPath,
                EdocViolation::jsonPointer).containsExactly(org.assertj.core.groups.Tuple.tuple("TO_REPEATED",
                HEADER + "/To[3]/OrganId", "/to/2/organId"));
    }

    @Test
    void refusesOrganIdsNotInForm() {
        List<Organ> to = List.of(Organ.of("G22", "VPCP"));

        assertThat(RULES.check(withTo(to))).extracting(EdocViolation::code, EdocViolation::edxmlPath,
                EdocViolation::jsonPointer).containsExactly(org.assertj.core.groups.Tuple.tuple("ORGAN_ID_INVALID",
                HEADER + "/To[1]/OrganId", "/to/0/organId"));
    }

    @Test
    void limitsTheSubjectTo500Characters() {
        assertThat(RULES.check(withSubject("ệ".repeat(500)))).isEmpty();
        assertThat(RULES.check(withSubject("ệ".repeat(501))))
                .containsExactly(new EdocViolation("SUBJECT_TOO_LONG", HEADER + "/Subject", "/subject",
                        "the subject has 501 characters, at most 500"));
        assertThat(RULES.check(withSubject(" "))).extracting(EdocViolation::code).containsExactly("SUBJECT_MISSING");
    }

    @Test
    void limitsPlacesTo150AndAppendixesTo250Characters() {
        EdocDocument document = new EdocDocument(VALID.from(), VALID.to(), VALID.code(), VALID.promulgation(),
                VALID.type(), VALID.subject(), VALID.content(), VALID.signer(), VALID.dueDate(),
                new OtherInfo(5, null, null, null, null, null, List.of("a".repeat(250), "a".repeat(251))),
                List.of(), 1, List.of("p".repeat(150), "p".repeat(151)), VALID.trace(), VALID.attachments());

        assertThat(RULES.check(document)).extracting(EdocViolation::code, EdocViolation::edxmlPath,
                EdocViolation::jsonPointer).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PRIORITY_INVALID", HEADER + "/OtherInfo/Priority", "/priority"),
                org.assertj.core.groups.Tuple.tuple("APPENDIX_TOO_LONG",
                        HEADER + "/OtherInfo/Appendixes/Appendix[2]", "/appendixes/1"),
                org.assertj.core.groups.Tuple.tuple("TO_PLACE_TOO_LONG", HEADER + "/ToPlaces/Place[2]",
                        "/toPlaces/1"));
    }

    @Test
    void limitsAttachmentNamesCountAndSize() {
        List<EdocAttachment> attachments = List.of(
                attachment("a".repeat(200) , 10),
                attachment("b".repeat(201), 10),
                attachment("../../etc/cron.d/x", 10),
                attachment("big.pdf", 1001));

        assertThat(RULES.check(withAttachments(attachments))).extracting(EdocViolation::code,
                EdocViolation::edxmlPath, EdocViolation::jsonPointer).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ATTACHMENTS_TOO_MANY", "/edXML/AttachmentEncoded",
                        "/attachments"),
                org.assertj.core.groups.Tuple.tuple("ATTACHMENT_NAME_TOO_LONG",
                        "/edXML/AttachmentEncoded/Attachment[2]/AttachmentName", "/attachments/1/name"),
                org.assertj.core.groups.Tuple.tuple("ATTACHMENT_NAME_INVALID",
                        "/edXML/AttachmentEncoded/Attachment[3]/AttachmentName", "/attachments/2/name"),
                org.assertj.core.groups.Tuple.tuple("ATTACHMENT_TOO_LARGE",
                        "/edXML/AttachmentEncoded/Attachment[4]/ContentTransferEncoded", "/attachments/3/content"));
    }

    @Test
    void refusesAContentTypeThatIsNotOne() {
        EdocAttachment odd = new EdocAttachment("x.pdf", "pdf", null, new byte[1]);

        assertThat(RULES.check(withAttachments(List.of(odd)))).extracting(EdocViolation::code,
                EdocViolation::jsonPointer).containsExactly(org.assertj.core.groups.Tuple.tuple(
                "CONTENT_TYPE_INVALID", "/attachments/0/contentType"));
    }

    @Test
    void refusesCharactersXmlCannotCarry() {
        assertThat(RULES.check(withSubject("Báo cáo\u0000"))).extracting(EdocViolation::code,
                EdocViolation::edxmlPath).containsExactly(org.assertj.core.groups.Tuple.tuple(
                "CHARACTER_NOT_ALLOWED", HEADER + "/Subject"));
        assertThat(RULES.check(withSubject("Báo cáo \uD83D\uDCC4 tab\tand\nline"))).isEmpty();
        assertThat(RULES.check(withSubject("half \uD83D"))).extracting(EdocViolation::code)
                .containsExactly("CHARACTER_NOT_ALLOWED");
    }

    @Test
    void checksAStatusMessageReference() {
        EdocStatus status = new EdocStatus(Organ.of("H41", "UBND Nghệ An"),
                new ResponseFor("000.00.00.G22", null, null, " "), null, StatusCode.RECEIVED, null,
                LocalDateTime.of(2024, 3, 6, 8, 0));

        assertThat(RULES.check(status)).extracting(EdocViolation::code, EdocViolation::edxmlPath).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ORGAN_ID_INVALID", HEADER + "/From/OrganId"),
                org.assertj.core.groups.Tuple.tuple("RESPONSE_FOR_MISSING", HEADER + "/ResponseFor/DocumentId"));
    }

    @Test
    void requireRefusesWithDocumentInvalidAndEveryViolationInEdxml() {
        GatewayException refused = catchThrowableOfType(() -> RULES.require(withTo(List.of())),
                GatewayException.class);

        assertThat(refused.code()).isEqualTo(ErrorCode.DOCUMENT_INVALID);
        assertThat(refused.violations()).containsExactly(new Violation(HEADER + "/To",
                "a document needs at least one recipient (To)", "TO_MISSING"));
        assertThat(RULES.check(withTo(List.of())).get(0).inJson())
                .isEqualTo(new Violation("/to", "a document needs at least one recipient (To)", "TO_MISSING"));
    }

    private static EdocAttachment attachment(String name, int size) {
        return new EdocAttachment(name, "application/pdf", null, new byte[size]);
    }

    private static EdocDocument withTo(List<Organ> to) {
        return Edocs.document(to, VALID.attachments());
    }

    private static EdocDocument withAttachments(List<EdocAttachment> attachments) {
        return Edocs.document(VALID.to(), attachments);
    }

    private static EdocDocument withSubject(String subject) {
        return new EdocDocument(VALID.from(), VALID.to(), VALID.code(), VALID.promulgation(), VALID.type(), subject,
                VALID.content(), VALID.signer(), VALID.dueDate(), VALID.otherInfo(), VALID.responseFor(),
                VALID.steeringType(), VALID.toPlaces(), VALID.trace(), VALID.attachments());
    }
}
