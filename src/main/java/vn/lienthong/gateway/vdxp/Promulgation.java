package vn.lienthong.gateway.vdxp;

import java.time.LocalDate;

/** Where and on which day a document was promulgated; the place may be null. */
public record Promulgation(String place, LocalDate date) {
}
