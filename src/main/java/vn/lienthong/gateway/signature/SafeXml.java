package vn.lienthong.gateway.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses untrusted XML into a namespace-aware DOM with no DOCTYPE (so no entities, internal or external), no
 * XInclude, no external access, and the JDK's processing limits with element nesting bounded.
 */
final class SafeXml {

    static final int MAX_ELEMENT_DEPTH = 256;

    private SafeXml() {
    }

    static Document parse(byte[] xml) throws SAXException, IOException {
        DocumentBuilder builder;
        try {
            builder = factory().newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new SAXException("the XML parser cannot be made safe: " + e.getMessage(), e);
        }
        builder.setErrorHandler(new DefaultHandler());
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entities are not read");
        });
        return builder.parse(new ByteArrayInputStream(xml));
    }

    private static DocumentBuilderFactory factory() throws SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH));
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new SAXException("the XML parser cannot be made safe: " + e.getMessage(), e);
        }
    }
}
