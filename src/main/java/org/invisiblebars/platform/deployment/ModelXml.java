package org.invisiblebars.platform.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one XML model (BPMN or DMN) element by element for its rules, with the JDK's StAX parser
 * and DTDs off: a DOCTYPE is itself an offence, and nothing it declares is ever resolved. Each
 * element knows its attributes, its own text and the nearest id, so every offence names the element
 * a process owner finds in Camunda Modeler.
 */
abstract class ModelXml {

  static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";

  /** The engine still reads extension attributes of its predecessor's namespace. */
  static final String ACTIVITI_BPMN = "http://activiti.org/bpmn";

  private final String resource;
  private final List<Offence> offences;
  private final Deque<Element> open = new ArrayDeque<>();

  ModelXml(String resource, List<Offence> offences) {
    this.resource = resource;
    this.offences = offences;
  }

  /** An element being read: name, attributes, text so far, where it starts, and its parent. */
  static final class Element {
    final QName name;
    final Map<QName, String> attributes = new LinkedHashMap<>();
    final StringBuilder text = new StringBuilder();
    final Element parent;
    final int line;
    final int column;

    Element(QName name, Element parent, int line, int column) {
      this.name = name;
      this.parent = parent;
      this.line = line;
      this.column = column;
    }

    String local() {
      return name.getLocalPart();
    }

    String attribute(String unqualified) {
      return attributes.get(new QName(unqualified));
    }

    boolean isCamunda() {
      return isCamunda(name);
    }

    static boolean isCamunda(QName name) {
      return CAMUNDA_BPMN.equals(name.getNamespaceURI())
          || ACTIVITI_BPMN.equals(name.getNamespaceURI())
          || "http://camunda.org/schema/1.0/dmn".equals(name.getNamespaceURI());
    }

    /**
     * The element itself or the nearest enclosing one with an id that Modeler shows on the diagram.
     */
    Optional<Element> identified() {
      for (Element e = this; e != null; e = e.parent) {
        if (e.attribute("id") != null && !e.isCamunda() && !e.local().endsWith("EventDefinition")) {
          return Optional.of(e);
        }
      }
      return Optional.empty();
    }
  }

  /** Reads the whole file; its offences are added to the list given at construction. */
  final void read(byte[] xml) {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try {
      XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
      while (reader.hasNext()) {
        switch (reader.next()) {
          case XMLStreamConstants.DTD -> {
            offences.add(
                new Offence(
                    resource,
                    null,
                    "DOCTYPE",
                    "a DOCTYPE (entities, external files) is not allowed in a model",
                    reader.getLocation().getLineNumber(),
                    reader.getLocation().getColumnNumber()));
            return;
          }
          case XMLStreamConstants.START_ELEMENT -> {
            Element element =
                new Element(
                    reader.getName(),
                    open.peek(),
                    reader.getLocation().getLineNumber(),
                    reader.getLocation().getColumnNumber());
            for (int i = 0; i < reader.getAttributeCount(); i++) {
              element.attributes.put(reader.getAttributeName(i), reader.getAttributeValue(i));
            }
            open.push(element);
            start(element);
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (!open.isEmpty()) {
              open.peek().text.append(reader.getText());
            }
          }
          case XMLStreamConstants.END_ELEMENT -> end(open.pop());
          default -> {}
        }
      }
    } catch (XMLStreamException notXml) {
      offences.add(
          new Offence(
              resource,
              null,
              "XML",
              "the file could not be read as XML: " + notXml.getMessage(),
              0,
              0));
    }
  }

  /** Checks an element's name and attributes; its text and children are not read yet. */
  abstract void start(Element element);

  /** Checks an element's own text, once it is complete. */
  abstract void end(Element element);

  final void offend(Element at, String what, String why) {
    Element identified = at.identified().orElse(null);
    offences.add(
        new Offence(
            resource,
            identified == null ? null : identified.attribute("id"),
            what,
            why,
            at.line,
            at.column));
  }

  /** How an attribute is written in the file, e.g. {@code camunda:expression="${x}"}. */
  static String written(Element element, QName attribute, String value) {
    String prefix =
        Element.isCamunda(attribute)
            ? "camunda:"
            : attribute.getNamespaceURI().isEmpty() && element.isCamunda()
                ? "camunda:" + element.local() + " "
                : "";
    return prefix + attribute.getLocalPart() + "=\"" + value + "\"";
  }

  static boolean isExpression(String text) {
    return text.contains("${") || text.contains("#{");
  }
}
