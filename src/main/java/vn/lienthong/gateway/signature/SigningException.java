package vn.lienthong.gateway.signature;

/** The gateway could not sign something it was about to send: the input cannot be signed, or the key cannot sign. */
public class SigningException extends IllegalStateException {

    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
