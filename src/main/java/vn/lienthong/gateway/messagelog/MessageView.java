package vn.lienthong.gateway.messagelog;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The state of one message and all its attempts: the body of {@code GET /api/v1/messages/{messageId}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageView(String messageId, String kind, Direction direction, String dossierCode, String documentId,
                          String destination, MessageState state, OffsetDateTime acceptedAt, OffsetDateTime deliveredAt,
                          List<Attempt> attempts) {
}
