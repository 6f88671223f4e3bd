package vn.lienthong.gateway.ingress;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;

/** Reads and checks the path parameters the API's routes declare: a message id and a dossier code. */
public final class PathParameters {

    public static final Pattern MESSAGE_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    public static final Pattern DOSSIER_CODE = Pattern.compile("[0-9A-Za-z.]{1,40}-[0-9]{6}-[0-9]{4,8}");
    public static final String DOSSIER_CODE_RULE = "must look like {agencyCode}-{yyMMdd}-{NNNN}";

    private PathParameters() {
    }

    /** The {@code messageId} path parameter, or 400 PATH_PARAMETER_INVALID when it is not a lower-case UUID. */
    public static String messageId(Exchange exchange) {
        String messageId = exchange.getIn().getHeader("messageId", String.class);
        if (messageId == null || !MESSAGE_ID.matcher(messageId).matches()) {
            throw new GatewayException(ErrorCode.PATH_PARAMETER_INVALID, "The message id is not a UUID.",
                    List.of(new Violation("messageId", "must be a lower-case UUID")));
        }
        return messageId;
    }

    /** The {@code dossierCode} path parameter, or 400 PATH_PARAMETER_INVALID when it cannot be a dossier code. */
    public static String dossierCode(Exchange exchange) {
        String dossierCode = exchange.getIn().getHeader("dossierCode", String.class);
        if (dossierCode == null || !DOSSIER_CODE.matcher(dossierCode).matches()) {
            throw new GatewayException(ErrorCode.PATH_PARAMETER_INVALID, "The dossier code is not well formed.",
                    List.of(new Violation("dossierCode", DOSSIER_CODE_RULE)));
        }
        return dossierCode;
    }
}
