package org.invisiblebars.platform.deployment;

import java.util.List;
import org.camunda.bpm.engine.Problem;

/**
 * One thing in a deployment that a process owner may not deploy: in which file, on which element
 * (the nearest one with an id), what exactly ({@code camunda:expression="..."}) and why. It is the
 * engine's {@link Problem}, so the engine REST API lists it in the details of its 400 answer, as it
 * lists parse errors, and Camunda Modeler shows it.
 */
public record Offence(
    String resource, String elementId, String what, String why, int line, int column)
    implements Problem {

  static Offence inFile(String resource, String what, String why) {
    return new Offence(resource, null, what, why, 0, 0);
  }

  @Override
  public String getMessage() {
    return what + ": " + why;
  }

  @Override
  public int getLine() {
    return line;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public String getMainElementId() {
    return elementId;
  }

  @Override
  public List<String> getElementIds() {
    return elementId == null ? List.of() : List.of(elementId);
  }

  @Override
  public String toString() {
    return resource
        + (elementId == null ? "" : ", " + elementId)
        + (line > 0 ? " (line " + line + ")" : "")
        + ", "
        + getMessage();
  }
}
