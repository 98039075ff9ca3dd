package org.invisiblebars.platform.deployment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * The rules for a process owner's BPMN file. Every attribute and text the engine may evaluate is
 * checked wherever it is, so that an element or attribute added to the file's schema later is
 * covered too: scripts, Java classes and connectors are refused; delegate expressions and listeners
 * are exactly {@code ${bean}} of a published bean; any other expression only reads variables; a
 * form is a Camunda Form, never code that would run in Tasklist.
 */
final class BpmnRules extends ModelXml {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  /** Attributes that name a bean to call rather than a value to compute. */
  private static final Set<String> DELEGATES =
      Set.of("expression", "delegateExpression", "variableMappingDelegateExpression");

  /** Elements whose text nobody evaluates. */
  private static final Set<String> PROSE = Set.of("documentation", "text");

  private static final String FORMS_PREFIX = "camunda-forms:";

  private final JuelRules juel;

  /** Depth inside an element already refused as a whole (a script, a connector). */
  private int refused;

  BpmnRules(String resource, List<Offence> offences, JuelRules juel) {
    super(resource, offences);
    this.juel = juel;
  }

  @Override
  void start(Element element) {
    if (refused > 0 || refusedAsAWhole(element)) {
      refused++;
      return;
    }
    for (Map.Entry<QName, String> attribute : element.attributes.entrySet()) {
      check(element, attribute.getKey(), attribute.getValue());
    }
  }

  @Override
  void end(Element element) {
    if (refused > 0) {
      refused--;
      return;
    }
    String text = element.text.toString();
    if (isExpression(text) && !PROSE.contains(element.local())) {
      juel.valueProblem(text)
          .ifPresent(why -> offend(element, prefixed(element) + " \"" + text.strip() + "\"", why));
    }
  }

  private boolean refusedAsAWhole(Element element) {
    String local = element.local();
    if (BPMN.equals(element.name.getNamespaceURI()) && local.equals("scriptTask")) {
      offend(element, "bpmn:scriptTask", "scripts are code, which process owners may not deploy");
      return true;
    }
    if (local.equals("script")) {
      offend(element, prefixed(element), "scripts are code, which process owners may not deploy");
      return true;
    }
    if (element.isCamunda() && local.equals("connector")) {
      offend(
          element,
          "camunda:connector",
          "connectors call other systems from the engine, which process owners may not set up");
      return true;
    }
    return false;
  }

  private void check(Element element, QName name, String value) {
    String local = name.getLocalPart();
    boolean camunda = Element.isCamunda(name);
    boolean ofCamundaElement = name.getNamespaceURI().isEmpty() && element.isCamunda();
    if ((camunda || ofCamundaElement) && (local.equals("class") || local.endsWith("Class"))) {
      offend(
          element,
          written(element, name, value),
          "Java classes are code, which process owners may not deploy");
    } else if (camunda && DELEGATES.contains(local)
        || isListener(element) && DELEGATES.contains(local)) {
      juel.delegateProblem(value)
          .ifPresent(why -> offend(element, written(element, name, value), why));
    } else if (element.isCamunda()
        && element.local().equals("constraint")
        && local.equals("config")
        && "validator".equals(element.attribute("name"))) {
      Optional<String> problem =
          isExpression(value)
              ? juel.delegateProblem(value)
              : Optional.of("a validator class is code, which process owners may not deploy");
      problem.ifPresent(why -> offend(element, written(element, name, value), why));
    } else if (name.getNamespaceURI().isEmpty() && local.equals("language")) {
      offend(
          element,
          written(element, name, value),
          "an expression in a script language is code, which process owners may not deploy");
    } else if (camunda && local.equals("formKey") && !value.startsWith(FORMS_PREFIX)) {
      offend(
          element,
          written(element, name, value),
          "a form other than a Camunda Form runs as code in the browsers of the "
              + "staff who open the task; use camunda:formRef with a .form file");
    } else if (isExpression(value)) {
      juel.valueProblem(value)
          .ifPresent(why -> offend(element, written(element, name, value), why));
    }
  }

  private static boolean isListener(Element element) {
    return element.isCamunda()
        && (element.local().equals("executionListener") || element.local().equals("taskListener"));
  }

  private static String prefixed(Element element) {
    return (element.isCamunda()
            ? "camunda:"
            : BPMN.equals(element.name.getNamespaceURI()) ? "bpmn:" : "")
        + element.local();
  }
}
