package vn.lienthong.gateway.chain;

import java.util.Map;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.delivery.PlatformDeliveryException;

/**
 * Turns the dossier's SyncDocument record into the record of one chain leg: addressed to the leg's agency, for the
 * leg's procedure, sent to the leg's LGSP service.
 */
@Component("chainLegRecords")
public class ChainLegRecords {

    private final ChainLegs legs;
    private final ChainCatalog catalog;

    ChainLegRecords(ChainLegs legs, ChainCatalog catalog) {
        this.legs = legs;
        this.catalog = catalog;
    }

    /** Readdresses the exchange's platform record to its leg and sets the leg's service path. */
    public void readdress(Exchange exchange) {
        String messageId = exchange.getIn().getHeader(ExchangeKeys.MESSAGE_ID, String.class);
        ChainLegs.Row leg = legs.ofMessage(messageId).orElseThrow(() -> PlatformDeliveryException.permanentFailure(
                null, "Chain leg message " + messageId + " has no leg in the store"));
        String agencyName = catalog.named(leg.chain()).map(c -> c.legs().get(leg.leg() - 1).agencyName())
                .filter(name -> name != null && !name.isBlank()).orElse(leg.agency());
        @SuppressWarnings("unchecked")
        Map<String, Object> record = exchange.getProperty(ExchangeKeys.PLATFORM_RECORD, Map.class);
        record.put("DocTypeCode", leg.procedure());
        record.put("OrganInchargeIdLevel1", leg.agency());
        record.put("OrganInchargeName", agencyName);
        exchange.setProperty(ExchangeKeys.LGSP_SERVICE_PATH, leg.service());
    }
}
