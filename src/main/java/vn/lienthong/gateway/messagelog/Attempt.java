package vn.lienthong.gateway.messagelog;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One recorded delivery attempt of a message, as the status API shows it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Attempt(OffsetDateTime at, AttemptOutcome outcome, Integer httpStatus, String reason,
                      OffsetDateTime nextRetryAt) {
}
