package org.invisiblebars.platform.deployment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Spring bean that BPMN and DMN models may name as {@code ${beanName}}, as the delegate
 * expression of a service task or a listener. Only these beans are in the engine's bean map; no
 * model reaches any other bean, and a process owner's model may name no other bean. Publish glue
 * made for models only (delegates, task listeners): every public method of a published bean can be
 * called from an administrator's model.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PublishedForModels {}
