package vn.lienthong.gateway.ingress;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException.Violation;

/** An RFC 9457 problem document with the gateway's stable {@code code} and every violation found. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, List<Violation> errors,
                      String messageId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://lienthong.vn/problems/";

    public static Problem of(ErrorCode code, String detail, List<Violation> violations) {
        return new Problem(TYPE_BASE + code.name().toLowerCase().replace('_', '-'), code.title(), code.httpStatus(),
                detail, code.name(), violations.isEmpty() ? null : violations, null);
    }
}
