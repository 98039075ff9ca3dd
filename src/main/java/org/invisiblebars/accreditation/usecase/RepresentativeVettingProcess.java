package org.invisiblebars.accreditation.usecase;

import java.util.Set;

/**
 * The contract of {@code processes/representative-vetting.bpmn}: security vets one representative
 * the organisation added after it applied. A process of its own rather than a branch of
 * ngo-accreditation: a person may be added at any stage of an application or while the
 * accreditation is in force, and the accreditation's vetting tasks have run (or will run) for the
 * people the application named; one small instance per person needs no message into whatever state
 * the accreditation's instance is in. Business key: the accreditation's reference.
 */
public final class RepresentativeVettingProcess {

  public static final String KEY = "representative-vetting";

  /** Element ids. */
  public static final class Element {
    public static final String REPRESENTATIVE_ADDED = "StartEvent_RepresentativeAdded";

    /** Security clears or refuses the person, with the same form as the application's vetting. */
    public static final String VET_REPRESENTATIVE = "Task_VetRepresentative";

    public static final String REPRESENTATIVE_VETTED = "EndEvent_RepresentativeVetted";

    private Element() {}
  }

  /** Variable names: ids only. */
  public static final class Variable {
    public static final String ACCREDITATION_ID = AccreditationProcess.Variable.ACCREDITATION_ID;
    public static final String REPRESENTATIVE_ID = AccreditationProcess.Variable.REPRESENTATIVE_ID;

    public static final Set<String> RECORDED = Set.of(ACCREDITATION_ID, REPRESENTATIVE_ID);

    private Variable() {}
  }

  private RepresentativeVettingProcess() {}
}
