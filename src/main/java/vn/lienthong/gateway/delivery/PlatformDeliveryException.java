package vn.lienthong.gateway.delivery;

import java.time.Duration;

/** A delivery attempt a platform did not confirm, classed as worth retrying or not. */
public class PlatformDeliveryException extends RuntimeException {

    private final boolean permanent;
    private final Integer httpStatus;
    private final transient Duration retryAfter;

    private PlatformDeliveryException(boolean permanent, Integer httpStatus, String reason, Duration retryAfter,
                                      Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    /** A failure that may pass: timeouts, resets, 5xx, 408, 429. */
    public static PlatformDeliveryException transientFailure(Integer httpStatus, String reason, Duration retryAfter,
                                                             Throwable cause) {
        return new PlatformDeliveryException(false, httpStatus, reason, retryAfter, cause);
    }

    /** A failure that will not pass by retrying: the platform refused the message itself. */
    public static PlatformDeliveryException permanentFailure(Integer httpStatus, String reason) {
        return new PlatformDeliveryException(true, httpStatus, reason, null, null);
    }

    /** Classifies an HTTP status the platform answered with. */
    public static PlatformDeliveryException forStatus(int httpStatus, String reason, Duration retryAfter) {
        boolean retryable = httpStatus >= 500 || httpStatus == 408 || httpStatus == 429;
        return new PlatformDeliveryException(!retryable, httpStatus, reason, retryAfter, null);
    }

    public boolean permanent() {
        return permanent;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    /** How long the platform asked us to wait, if it said. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
