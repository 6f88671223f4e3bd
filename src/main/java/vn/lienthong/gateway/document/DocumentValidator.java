package vn.lienthong.gateway.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;
import vn.lienthong.gateway.config.JsonSchemas;
import vn.lienthong.gateway.ingress.ClientIdentity;
import vn.lienthong.gateway.vdxp.EdocRules;
import vn.lienthong.gateway.vdxp.EdocViolation;
import vn.lienthong.gateway.vdxp.VdxpAxisProperties;
import vn.lienthong.gateway.vdxp.VdxpProperties;

/**
 * Checks a posted official document: {@code schemas/json/document.schema.json}, its attachments (base64, count, size,
 * signature format) and the rules of the axis ({@link EdocRules}), listing every violation with its JSON pointer and
 * rule code (400 DOCUMENT_INVALID); then that the client may act for the sending organ and that the gateway sends for
 * it (403 AGENCY_NOT_ALLOWED).
 */
@Component("documentValidator")
public class DocumentValidator {

    private final JsonSchema schema;
    private final DocumentJson reader;
    private final EdocRules rules;
    private final VdxpAxisProperties axis;

    DocumentValidator(JsonSchemas schemas, VdxpProperties vdxp, EdocRules rules, VdxpAxisProperties axis) {
        this.schema = schemas.load("json/document.schema.json");
        this.reader = new DocumentJson(vdxp.getMaxAttachments(), vdxp.getMaxAttachmentSize().toBytes());
        this.rules = rules;
        this.axis = axis;
    }

    /** Validates the parsed body and puts the {@link OutgoingDocument} and its document id on the exchange. */
    public void validate(Exchange exchange) {
        OutgoingDocument document = read(exchange.getProperty(ExchangeKeys.JSON, JsonNode.class));
        String from = document.document().from().organId();
        ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        if (client == null || !client.mayActFor(from)) {
            throw new GatewayException(ErrorCode.AGENCY_NOT_ALLOWED,
                    "This client may not send documents for organ " + from + ".",
                    List.of(new Violation("/from/organId", "not among the agencies this client may act for")));
        }
        if (!axis.getOrganIds().contains(from)) {
            throw new GatewayException(ErrorCode.AGENCY_NOT_ALLOWED,
                    "This gateway does not send documents for organ " + from + " (lienthong.vdxp.organ-ids).",
                    List.of(new Violation("/from/organId", "not an organ this gateway sends for")));
        }
        exchange.setProperty(ExchangeKeys.DOCUMENT, document);
        exchange.setProperty(ExchangeKeys.DOCUMENT_ID, document.documentId());
    }

    OutgoingDocument read(JsonNode body) {
        List<Violation> violations = JsonSchemas.violations(schema, body);
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        DocumentJson.Read read = reader.read(body);
        List<Violation> all = new ArrayList<>(read.violations());
        for (EdocViolation v : rules.check(read.document().document())) {
            Violation located = v.inJson();
            if (all.stream().noneMatch(seen -> seen.pointer().equals(located.pointer())
                    && java.util.Objects.equals(seen.code(), located.code()))) {
                all.add(located);
            }
        }
        if (read.document().documentId().length() > 255) {
            all.add(new Violation("/code", "the document id this code makes is longer than 255 characters",
                    "DOCUMENT_ID_TOO_LONG"));
        }
        if (!all.isEmpty()) {
            all.sort(Comparator.comparing(Violation::pointer));
            throw invalid(all);
        }
        return read.document();
    }

    private static GatewayException invalid(List<Violation> violations) {
        return new GatewayException(ErrorCode.DOCUMENT_INVALID, violations.size() == 1
                ? "The document breaks a rule at " + violations.get(0).pointer() + ": " + violations.get(0).message()
                        + "."
                : "The document has " + violations.size() + " violations; see errors.", violations);
    }
}
