package org.invisiblebars.modelchange.usecase;

/** The {@code model-change} process (processes/model-change.bpmn): its key, tasks and variables. */
public final class ModelChangeProcess {

  public static final String KEY = "model-change";

  private ModelChangeProcess() {}

  /** Its elements. */
  public static final class Element {
    public static final String REVIEW_MODEL_CHANGE = "Task_ReviewModelChange";

    private Element() {}
  }

  /** Its variables: the change's id, and the review's flag. */
  public static final class Variable {
    public static final String MODEL_CHANGE_ID = "modelChangeId";
    public static final String CHANGE_APPROVED = "changeApproved";

    private Variable() {}
  }
}
