package vn.lienthong.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import vn.lienthong.gateway.Samples;

/**
 * The SOAP dossier and document and their REST twins cannot drift apart: every type of {@code gateway.xsd} that
 * mirrors part of {@code dossier.schema.json} or {@code document.schema.json} has an element for each JSON field, of
 * the same name, required exactly where JSON requires it.
 */
class SoapContractTest {

    private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    @Test
    void everyDossierTypeOfTheXsdHasTheFieldsOfTheJsonSchema() throws Exception {
        Document xsd = parse(Path.of("schemas/wsdl/gateway.xsd"));
        JsonNode json = Samples.JSON.readTree(Path.of("schemas/json/dossier.schema.json").toFile());
        JsonNode properties = json.path("properties");

        assertMirrors(xsd, "Dossier", json);
        assertMirrors(xsd, "Applicant", properties.path("applicant"));
        assertMirrors(xsd, "Fee", properties.path("fees").path("items"));
        assertMirrors(xsd, "DocumentRef", properties.path("documents").path("items"));
        assertMirrors(xsd, "ResultRef", properties.path("results").path("items"));
    }

    @Test
    void everyDocumentTypeOfTheXsdHasTheFieldsOfTheJsonSchema() throws Exception {
        Document xsd = parse(Path.of("schemas/wsdl/gateway.xsd"));
        JsonNode json = Samples.JSON.readTree(Path.of("schemas/json/document.schema.json").toFile());
        JsonNode properties = json.path("properties");

        assertMirrors(xsd, "OfficialDocument", json);
        assertMirrors(xsd, "Organ", json.path("$defs").path("organ"));
        assertMirrors(xsd, "DocumentCode", properties.path("code"));
        assertMirrors(xsd, "Promulgation", properties.path("promulgation"));
        assertMirrors(xsd, "DocumentType", properties.path("type"));
        assertMirrors(xsd, "DocumentSigner", properties.path("signer"));
        assertMirrors(xsd, "DocumentAttachment", properties.path("attachments").path("items"));
    }

    private static void assertMirrors(Document xsd, String typeName, JsonNode jsonObject) {
        List<String> names = new ArrayList<>();
        List<String> required = new ArrayList<>();
        for (Element element : sequenceOf(xsd, typeName)) {
            names.add(element.getAttribute("name"));
            if (!"0".equals(element.getAttribute("minOccurs"))) {
                required.add(element.getAttribute("name"));
            }
        }
        List<String> jsonNames = new ArrayList<>();
        jsonObject.path("properties").fieldNames().forEachRemaining(jsonNames::add);
        List<String> jsonRequired = new ArrayList<>();
        jsonObject.path("required").forEach(r -> jsonRequired.add(r.asText()));

        assertThat(names).as("elements of %s", typeName).containsExactlyInAnyOrderElementsOf(jsonNames);
        assertThat(required).as("required elements of %s", typeName).containsExactlyInAnyOrderElementsOf(jsonRequired);
    }

    private static List<Element> sequenceOf(Document xsd, String typeName) {
        NodeList types = xsd.getElementsByTagNameNS(XS, "complexType");
        for (int i = 0; i < types.getLength(); i++) {
            Element type = (Element) types.item(i);
            if (typeName.equals(type.getAttribute("name"))) {
                Element sequence = (Element) type.getElementsByTagNameNS(XS, "sequence").item(0);
                return CanonicalXml.children(sequence);
            }
        }
        throw new AssertionError("gateway.xsd has no complexType " + typeName);
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
