package vn.lienthong.gateway.messagelog;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The outcome of checking the message log: valid, or the first bad entry (its log index) and what is wrong. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogVerification(boolean valid, long entries, int checkpoints, Long badIndex, String problem) {

    static LogVerification ok(long entries, int checkpoints) {
        return new LogVerification(true, entries, checkpoints, null, null);
    }

    static LogVerification bad(long entries, int checkpoints, long index, String problem) {
        return new LogVerification(false, entries, checkpoints, index, problem);
    }
}
