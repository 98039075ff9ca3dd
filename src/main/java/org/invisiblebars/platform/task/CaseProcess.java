package org.invisiblebars.platform.task;

import org.invisiblebars.platform.process.Confidential;

/**
 * What the handlers of one process share: the process's key, the kind of record its instances work
 * on (the subject type of the decision log), the process variable holding that record's id, and who
 * may read what its tasks show when a handler says nothing more precise.
 */
public record CaseProcess(
    String processKey, String subjectType, String idVariable, Confidential readers) {}
