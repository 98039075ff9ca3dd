package org.invisiblebars.platform.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The ids a multi-instance activity runs once for, handed to it by the service task just before it
 * as a transient variable that its collection reads ({@code camunda:collection="${nomineeIds}"}). A
 * collection may not call a bean, since every expression in a model only reads variables (see
 * docs/security.md); and the list is never stored: the ids live in our tables, and Java
 * serialization of variables is off. So the service task and the multi-instance activity must run
 * in one transaction, with no wait state or asynchronous continuation between them.
 */
public final class MultiInstanceItems {

  private MultiInstanceItems() {}

  public static void hand(DelegateExecution execution, String variable, List<String> ids) {
    execution.setVariable(variable, Variables.objectValue(new ArrayList<>(ids), true).create());
  }
}
