package vn.lienthong.gateway.document;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import vn.lienthong.gateway.messagelog.MessageView;

/**
 * The view of a message about an official document: the message's state and attempts, plus its travel on the axis —
 * the axis id of what was sent, each recipient's state and last status, and the verdicts on its attachments' signatures.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentMessageView(@JsonUnwrapped MessageView message, String axisDocId,
                                  List<SentDocuments.Recipient> recipients,
                                  List<SentDocuments.AttachmentVerdict> signatures) {
}
