package org.invisiblebars.platform.reference;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code UUID} path variable that names a case by its id or by its reference: {@code
 * /api/v1/visits/VIS-2026-0001} reaches the same handler, with the same checks, as the visit's id.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface CaseKey {

  /** The entity of the case ({@link ReferencedCase}), whose table the reference is looked up in. */
  Class<? extends ReferencedCase> value();
}
