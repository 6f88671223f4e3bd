package vn.lienthong.gateway.ingress;

import java.util.List;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;

/** Decides, from the authenticated client's configured rights, whether it may call an operation or use a destination. */
@Component("accessRights")
public class AccessRights {

    /** Requires the authenticated client to be an agency system allowed the operation; 403 otherwise. */
    public void requireOperation(Exchange exchange, Operation operation) {
        if (!client(exchange).mayCall(operation)) {
            throw new GatewayException(ErrorCode.OPERATION_NOT_ALLOWED,
                    "This client is not allowed the operation " + operation.name() + ".");
        }
    }

    /** Requires the destination the route chose to be one the client's messages may go to; 403 otherwise. */
    public void requireDestination(Exchange exchange) {
        String destination = exchange.getProperty(ExchangeKeys.DESTINATION, String.class);
        if (destination == null || !client(exchange).maySendTo(destination)) {
            throw new GatewayException(ErrorCode.DESTINATION_NOT_ALLOWED,
                    "This client's messages may not go to " + destination + ".");
        }
    }

    /**
     * Requires every destination the routing rules chose for the message ({@link ExchangeKeys#DESTINATIONS}) to be
     * one the client's messages may go to; 403 naming the first that is not.
     */
    public void requireDestinations(Exchange exchange) {
        ClientIdentity client = client(exchange);
        List<?> destinations = exchange.getProperty(ExchangeKeys.DESTINATIONS, List.class);
        for (Object destination : destinations == null ? List.of() : destinations) {
            if (!client.maySendTo(String.valueOf(destination))) {
                throw new GatewayException(ErrorCode.DESTINATION_NOT_ALLOWED, "The routing rules send this message to "
                        + destination + ", where this client's messages may not go.");
            }
        }
    }

    private static ClientIdentity client(Exchange exchange) {
        ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        if (client == null) {
            throw new GatewayException(ErrorCode.AUTHENTICATION_REQUIRED, "Authenticate first.");
        }
        return client;
    }
}
