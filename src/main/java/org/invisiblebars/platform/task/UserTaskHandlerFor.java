package org.invisiblebars.platform.task;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;

/**
 * Marks the {@link UserTaskHandler} of one user task, named by its process's key and its task
 * definition key (constants of the feature's {@code *Process} contract). Read from the class, not
 * the bean, so a deployment can be checked while the engine is still starting: a process of ours
 * whose user task has no handler is refused at deployment ({@link UserTaskHandlers}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface UserTaskHandlerFor {

  /** The process definition key. */
  String process();

  /** The task definition key (the user task's id in the model). */
  String task();
}
