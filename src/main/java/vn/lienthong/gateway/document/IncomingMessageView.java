package vn.lienthong.gateway.document;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import vn.lienthong.gateway.messagelog.MessageView;

/**
 * The view of a message taken in from the axis for a local system: the message's state and attempts, plus where it
 * came from (the axis's receiver doc id, the sending organ, the recipient organ), when it was taken in, the verdict
 * on its XML signature, for a document the status message 01 sent back (its message id) and the verdicts on its
 * signed PDF attachments.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncomingMessageView(@JsonUnwrapped MessageView message, String axisDocId, String from, String to,
                                  OffsetDateTime receivedAt, ReceiptVerdict signature, String arrivalMessageId,
                                  List<SentDocuments.AttachmentVerdict> signatures) {

    static IncomingMessageView of(MessageView message, Receipt receipt,
                                  List<SentDocuments.AttachmentVerdict> attachmentVerdicts) {
        return new IncomingMessageView(message, receipt.axisDocId(), receipt.fromOrgan(), receipt.toOrgan(),
                receipt.receivedAt(), receipt.verdict(), receipt.arrivalMessageId(),
                attachmentVerdicts.isEmpty() ? null : attachmentVerdicts);
    }
}
