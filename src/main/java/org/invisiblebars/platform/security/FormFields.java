package org.invisiblebars.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The keys of the fields of a task's form, as the engine serves it: the components of a Camunda
 * Form deployed with the model ({@code camunda:formRef}, or a {@code camunda-forms:} form key),
 * otherwise the fields of a generated form ({@code camunda:formField}). A task whose form the
 * engine cannot hand back (an embedded HTML form, or none) has no fields.
 */
final class FormFields {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormFields() {}

  /**
   * Read inside the command of the completion; whether the caller may read the form is for that
   * command to say.
   */
  static Set<String> of(CommandContext context, String taskId) {
    FormService forms = context.getProcessEngineConfiguration().getFormService();
    Set<String> keys = new TreeSet<>();
    try (InputStream form =
        context.runWithoutAuthorization(() -> forms.getDeployedTaskForm(taskId))) {
      collect(JSON.readTree(form), keys);
      return keys;
    } catch (BadUserRequestException | IOException noCamundaForm) {
      // not a Camunda Form (no form, or none deployed: NotFoundException is a
      // BadUserRequestException);
      // a generated form names its fields, anything else names none
    }
    context.runWithoutAuthorization(() -> forms.getTaskFormData(taskId)).getFormFields().stream()
        .map(FormField::getId)
        .forEach(keys::add);
    return keys;
  }

  /** Every {@code key} of a component, in groups and other containers too. */
  private static void collect(JsonNode node, Set<String> keys) {
    if (node == null) {
      return;
    }
    if (node.isObject() && node.hasNonNull("key") && node.hasNonNull("type")) {
      keys.add(node.get("key").asText());
    }
    node.elements().forEachRemaining(child -> collect(child, keys));
  }
}
