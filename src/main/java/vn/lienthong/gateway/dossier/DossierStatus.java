package vn.lienthong.gateway.dossier;

/** Dossier status (DVCQG {@code TrangThaiHoSo}) with the platform's numeric code. */
public enum DossierStatus {
    NEW(1), ACCEPTED(2), NOT_ACCEPTED(3), PROCESSING(4), SUPPLEMENT_REQUESTED(5), PAYMENT_REQUIRED(6),
    WITHDRAWN(7), STOPPED(8), DONE(9), RETURNED(10);

    private final int code;

    DossierStatus(int code) {
        this.code = code;
    }

    /** The platform's code, 1 to 10. */
    public int code() {
        return code;
    }
}
