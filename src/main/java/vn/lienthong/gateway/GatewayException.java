package vn.lienthong.gateway;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A request the gateway refuses, carrying its stable {@link ErrorCode} and, for invalid input, every violation found. */
public class GatewayException extends RuntimeException {

    private final ErrorCode code;
    private final transient List<Violation> violations;
    private Long retryAfterSeconds;

    public GatewayException(ErrorCode code, String detail) {
        this(code, detail, List.of(), null);
    }

    public GatewayException(ErrorCode code, String detail, List<Violation> violations) {
        this(code, detail, violations, null);
    }

    public GatewayException(ErrorCode code, String detail, List<Violation> violations, Throwable cause) {
        super(detail, cause);
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public ErrorCode code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** This refusal, telling the client to try again after the given number of seconds. */
    public GatewayException retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** The seconds after which the client may try again, when the refusal says so. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /**
     * One thing wrong with the input: where (a JSON pointer, or an element path in XML input), what, and, where the
     * check has one, the stable UPPER_SNAKE code of the rule broken.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Violation(String pointer, String message, String code) {

        public Violation(String pointer, String message) {
            this(pointer, message, null);
        }
    }
}
