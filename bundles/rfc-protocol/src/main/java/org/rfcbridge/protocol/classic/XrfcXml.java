package org.rfcbridge.protocol.classic;

import java.io.StringReader;
import java.util.Base64;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.rfcbridge.api.data.Record;
import org.rfcbridge.api.data.RfcDataException;
import org.rfcbridge.api.data.Structure;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.FieldMetadata;
import org.rfcbridge.protocol.RfcProtocolException;

/**
 * Classic xRFC XML for parameters that hold strings or nested tables ({@code protocol-cpic.md} §2.8.4,
 * captured in {@code stfc_deep_table_request.bin}): the root element is the parameter name; a table
 * is a sequence of {@code <item>} elements, a structure its fields directly; RAW and XSTRING values
 * are base64, DATE {@code yyyy-MM-dd}, TIME {@code HH:mm:ss}, numbers decimal text; {@code <} and
 * {@code &} are written as {@code &#60;} and {@code &#38;}. No XML declaration.
 */
public final class XrfcXml {
    private static final XMLInputFactory INPUT = createInputFactory();

    private XrfcXml() {
    }

    /** The XML of a table parameter. */
    public static String table(String name, Table table) {
        StringBuilder xml = new StringBuilder();
        appendTable(xml, name, table);
        return xml.toString();
    }

    /** The XML of a structure parameter. */
    public static String structure(String name, Structure structure) {
        StringBuilder xml = new StringBuilder();
        appendStructure(xml, name, structure);
        return xml.toString();
    }

    private static void appendTable(StringBuilder xml, String name, Table table) {
        xml.append('<').append(name).append('>');
        if (table.firstRow()) {
            do {
                appendFields(xml.append("<item>"), table);
                xml.append("</item>");
            } while (table.nextRow());
        }
        xml.append("</").append(name).append('>');
    }

    private static void appendStructure(StringBuilder xml, String name, Record record) {
        xml.append('<').append(name).append('>');
        appendFields(xml, record);
        xml.append("</").append(name).append('>');
    }

    private static void appendFields(StringBuilder xml, Record record) {
        for (FieldMetadata field : record.metadata().fields()) {
            switch (field.type()) {
                case TABLE:
                    appendTable(xml, field.name(), record.getTable(field.index()));
                    break;
                case STRUCTURE:
                    appendStructure(xml, field.name(), record.getStructure(field.index()));
                    break;
                case RAW: case XSTRING:
                    element(xml, field.name(), Base64.getEncoder().encodeToString(record.getBytes(field.index())));
                    break;
                default:
                    element(xml, field.name(), record.getString(field.index()));
            }
        }
    }

    private static void element(StringBuilder xml, String name, String text) {
        xml.append('<').append(name).append('>');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<') {
                xml.append("&#60;");
            } else if (c == '&') {
                xml.append("&#38;");
            } else {
                xml.append(c);
            }
        }
        xml.append("</").append(name).append('>');
    }

    /**
     * Fills a table or structure from its XML.
     *
     * @param target a {@link Table} (rows are appended) or a {@link Structure}
     * @param maxRows most rows accepted in any table of the document
     */
    public static void read(String xml, String parameter, Record target, int maxRows) throws RfcProtocolException {
        try {
            XMLStreamReader reader = INPUT.createXMLStreamReader(new StringReader(xml));
            try {
                nextElement(reader);
                if (!reader.getLocalName().equals(parameter)) {
                    throw new RfcProtocolException("xRFC XML of " + parameter + " has root element <"
                            + reader.getLocalName() + ">", reader.getLocation().getCharacterOffset());
                }
                readContent(reader, target, maxRows);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new RfcProtocolException("xRFC XML of " + parameter + " is not well-formed: " + e.getMessage(),
                    e.getLocation() == null ? 0 : e.getLocation().getCharacterOffset());
        } catch (RfcDataException | IllegalArgumentException e) {
            throw new RfcProtocolException("xRFC XML of " + parameter + " holds a value that does not fit: "
                    + e.getMessage(), 0);
        }
    }

    /** Reads the children of the current element into the record; returns at its end tag. */
    private static void readContent(XMLStreamReader reader, Record target, int maxRows) throws XMLStreamException,
            RfcProtocolException {
        if (target instanceof Table table) {
            while (nextChild(reader)) {
                if (!reader.getLocalName().equals("item")) {
                    throw new RfcProtocolException("a table holds <item> elements, not <" + reader.getLocalName() + ">",
                            reader.getLocation().getCharacterOffset());
                }
                if (table.getNumRows() >= maxRows) {
                    throw new RfcProtocolException("table " + table.metadata().name() + " exceeds the limit of "
                            + maxRows + " rows", reader.getLocation().getCharacterOffset());
                }
                table.appendRow();
                readFields(reader, table, maxRows);
            }
        } else {
            readFields(reader, target, maxRows);
        }
    }

    private static void readFields(XMLStreamReader reader, Record record, int maxRows) throws XMLStreamException,
            RfcProtocolException {
        while (nextChild(reader)) {
            FieldMetadata field = record.metadata().find(reader.getLocalName());
            if (field == null) {
                throw new RfcProtocolException(record.metadata().name() + " has no field <" + reader.getLocalName() + ">",
                        reader.getLocation().getCharacterOffset());
            }
            if (field.type() == AbapType.TABLE) {
                readContent(reader, record.getTable(field.index()), maxRows);
            } else if (field.type() == AbapType.STRUCTURE) {
                readContent(reader, record.getStructure(field.index()), maxRows);
            } else {
                String text = reader.getElementText();
                if (field.type() == AbapType.RAW || field.type() == AbapType.XSTRING) {
                    record.setValue(field.index(), Base64.getMimeDecoder().decode(text));
                } else if (text.isEmpty() && field.type() != AbapType.CHAR && field.type() != AbapType.STRING) {
                    record.clear(field.name());
                } else {
                    record.setValue(field.index(), text);
                }
            }
        }
    }

    /** Moves to the next child element; false at the end tag of the current element. */
    private static boolean nextChild(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }

    private static void nextElement(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                return;
            }
        }
        throw new XMLStreamException("no element");
    }

    private static XMLInputFactory createInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // a partner's XML never needs DTDs or external entities; refusing them closes XXE
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
