package vn.lienthong.gateway.admin;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.gateway.messagelog.MessageView;

/** A dead-lettered message as the admin API shows it: its state and attempts, when it was dead-lettered, its payload. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterView(@JsonUnwrapped MessageView message, OffsetDateTime deadLetteredAt, JsonNode payload) {
}
