package vn.lienthong.gateway.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;

/**
 * Validates edXML against {@code schemas/edxml/edxml.xsd}, loaded once; a refusal names the element (as a path of
 * local names) and the schema rule it broke, never the offending value.
 */
final class EdxmlSchemaCheck {

    private static final String CURRENT_ELEMENT = "http://apache.org/xml/properties/dom/current-element-node";

    private final Schema schema;

    private EdxmlSchemaCheck(Schema schema) {
        this.schema = schema;
    }

    static EdxmlSchemaCheck load(Path xsd) {
        if (!Files.isReadable(xsd)) {
            throw new IllegalStateException("the edXML schema " + xsd.toAbsolutePath()
                    + " is missing (lienthong.schemas-dir)");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return new EdxmlSchemaCheck(factory.newSchema(new StreamSource(xsd.toFile())));
        } catch (SAXException e) {
            throw new IllegalStateException("the edXML schema " + xsd.toAbsolutePath() + " is not a valid XSD", e);
        }
    }

    void validate(Document document) {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("the JDK schema validator cannot be hardened", e);
        }
        FirstError errors = new FirstError(validator);
        validator.setErrorHandler(errors);
        try {
            validator.validate(new DOMSource(document));
        } catch (SAXException | IOException e) {
            throw new VdxpRefusal(VdxpError.EDXML_INVALID, errors.describe());
        }
    }

    /** Stops at the first schema error, remembering the rule (e.g. cvc-maxLength-valid) and the element it was at. */
    private static final class FirstError implements ErrorHandler {

        private final Validator validator;
        private String rule = "invalid";
        private String path = "";

        FirstError(Validator validator) {
            this.validator = validator;
        }

        @Override
        public void warning(SAXParseException exception) {
            // warnings do not make a document invalid
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            remember(exception);
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            remember(exception);
            throw exception;
        }

        private void remember(SAXParseException exception) {
            String message = exception.getMessage() == null ? "" : exception.getMessage();
            int colon = message.indexOf(':');
            rule = colon > 0 && message.startsWith("cvc-") ? message.substring(0, colon) : "invalid";
            try {
                Object node = validator.getProperty(CURRENT_ELEMENT);
                path = node instanceof Node element ? path(element) : "";
            } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
                path = "";
            }
        }

        String describe() {
            return "against schemas/edxml/edxml.xsd: " + rule + (path.isEmpty() ? "" : " at " + path);
        }

        private static String path(Node element) {
            Deque<String> names = new ArrayDeque<>();
            for (Node n = element; n != null && n.getNodeType() == Node.ELEMENT_NODE; n = n.getParentNode()) {
                names.push(n.getLocalName());
            }
            return "/" + String.join("/", names);
        }
    }
}
