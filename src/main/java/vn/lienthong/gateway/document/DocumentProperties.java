package vn.lienthong.gateway.document;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How the gateway takes official documents from local systems and follows them on the axis. */
@Validated
@ConfigurationProperties(prefix = "lienthong.documents")
public class DocumentProperties {

    /** What an attachment signature whose verdict is INDETERMINATE (revocation unknown) means for its document. */
    public enum IndeterminatePolicy {
        /** 503 SIGNATURE_INDETERMINATE with Retry-After: the system sends it again once revocation can be decided. */
        REFUSE,
        /** Accepted, with the verdict recorded and shown on the message. */
        ACCEPT
    }

    @NotNull
    private IndeterminatePolicy indeterminateSignature = IndeterminatePolicy.REFUSE;
    /** Retry-After of a refusal for an INDETERMINATE signature. */
    @NotNull
    private Duration indeterminateRetryAfter = Duration.ofMinutes(5);
    private final SentPoll sentPoll = new SentPoll();

    public IndeterminatePolicy getIndeterminateSignature() { return indeterminateSignature; }
    public void setIndeterminateSignature(IndeterminatePolicy indeterminateSignature) {
        this.indeterminateSignature = indeterminateSignature;
    }
    public Duration getIndeterminateRetryAfter() { return indeterminateRetryAfter; }
    public void setIndeterminateRetryAfter(Duration indeterminateRetryAfter) {
        this.indeterminateRetryAfter = indeterminateRetryAfter;
    }
    public SentPoll getSentPoll() { return sentPoll; }

    @AssertTrue(message = "lienthong.documents.indeterminate-retry-after must be between 1 second and 1 day")
    public boolean isRetryAfterSensible() {
        return indeterminateRetryAfter == null || !indeterminateRetryAfter.isNegative()
                && indeterminateRetryAfter.toSeconds() >= 1 && indeterminateRetryAfter.toDays() < 1;
    }

    /** How the recipients' state of sent documents is fetched from the axis ({@code getSentEdocList}). */
    public static class SentPoll {
        /** Time between two rounds; each round asks about the documents least recently asked about. */
        @NotNull
        private Duration interval = Duration.ofSeconds(60);
        /** Sent documents asked about per round. */
        @Min(1) @Max(10_000)
        private int batchSize = 100;
        /** How long after sending a document the gateway keeps asking while a recipient has not confirmed it. */
        @NotNull
        private Duration window = Duration.ofDays(30);

        public Duration getInterval() { return interval; }
        public void setInterval(Duration interval) { this.interval = interval; }
        public int getBatchSize() { return batchSize; }
        public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
        public Duration getWindow() { return window; }
        public void setWindow(Duration window) { this.window = window; }

        @AssertTrue(message = "lienthong.documents.sent-poll.interval must be at least 100ms and window positive")
        public boolean isSensible() {
            return interval == null || window == null || interval.toMillis() >= 100 && !window.isNegative()
                    && !window.isZero();
        }
    }
}
