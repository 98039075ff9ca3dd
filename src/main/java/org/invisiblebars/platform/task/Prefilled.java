package org.invisiblebars.platform.task;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A component of a display record that is the value a form field starts with, which the person may
 * change (the proposed risk level, the default confidentiality period), rather than a text shown
 * read-only. It goes on the task's execution, where the completion's submitted value replaces it.
 */
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Prefilled {}
