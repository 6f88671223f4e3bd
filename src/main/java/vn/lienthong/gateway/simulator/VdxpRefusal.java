package vn.lienthong.gateway.simulator;

/** A VDXP simulator call refused with one of its error codes and a detail that names what and where, never the input. */
final class VdxpRefusal extends RuntimeException {

    private final transient VdxpError error;

    VdxpRefusal(VdxpError error, String detail) {
        super(detail, null, false, false);
        this.error = error;
    }

    VdxpError error() {
        return error;
    }

    /** The reply's {@code ErrorDesc}: the code's description, then the detail. */
    String description() {
        return getMessage() == null || getMessage().isBlank() ? error.description()
                : error.description() + ": " + getMessage();
    }
}
