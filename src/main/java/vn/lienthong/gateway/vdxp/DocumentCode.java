package vn.lienthong.gateway.vdxp;

/** The number and notation of an official document ({@code 57} and {@code UBND-TP} in "57/UBND-TP"). */
public record DocumentCode(String number, String notation) {

    /** The code as written on the document: {@code number/notation}. */
    @Override
    public String toString() {
        return number + "/" + notation;
    }
}
