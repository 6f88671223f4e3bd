package vn.lienthong.gateway.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.delivery.PlatformDeliveryException;

/** Reads the dossier a queued message carries back into the canonical model for the delivery workers. */
@Component("dossierReader")
public class DossierReader {

    private final ObjectMapper json;

    DossierReader(ObjectMapper json) {
        this.json = json;
    }

    /** Puts the {@link Progress} step from the queued body on the exchange; an unreadable body is a permanent failure. */
    public void readProgress(Exchange exchange) {
        try {
            exchange.setProperty(ExchangeKeys.PROGRESS, json.readValue(exchange.getIn().getBody(String.class),
                    Progress.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw PlatformDeliveryException.permanentFailure(null, "The queued progress step cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }

    /** Puts the {@link Dossier} from the queued body on the exchange; an unreadable body is a permanent failure. */
    public void read(Exchange exchange) {
        try {
            exchange.setProperty(ExchangeKeys.DOSSIER, json.readValue(exchange.getIn().getBody(String.class), Dossier.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw PlatformDeliveryException.permanentFailure(null, "The queued dossier cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }
}
