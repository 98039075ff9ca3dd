package org.invisiblebars.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.junit.jupiter.api.Test;

/**
 * Both engine REST APIs carry our exception mappers (invalid task input 400, conflicts 409) instead
 * of the engine's mappers of the same types (two mappers of one type would leave the choice to Jersey's ordering), and keep every other
 * resource and provider of Camunda's.
 */
class EngineRestProvidersTest {

  @Test
  void engineRestHasOurMappersInsteadOfTheEnginesAndEverythingElse() throws Exception {
    EngineRestProviders.EngineRest engineRest = new EngineRestProviders.EngineRest();
    engineRest.afterPropertiesSet();

    assertThat(engineRest.getClasses())
        .contains(EngineRestProviders.EngineExceptions.class, EngineRestProviders.RestExceptions.class,
            EngineRestProviders.OtherExceptions.class, EngineRestInputErrors.MappingErrors.class,
            EngineRestInputErrors.ParseErrors.class)
        .doesNotContain(ProcessEngineExceptionHandler.class, RestExceptionHandler.class, ExceptionHandler.class,
            org.camunda.bpm.engine.rest.exception.JsonMappingExceptionHandler.class,
            org.camunda.bpm.engine.rest.exception.JsonParseExceptionHandler.class)
        .containsAll(CamundaRestResources.getResourceClasses())
        .containsAll(EngineRestProviders.ADDED);
  }

  @Test
  void theWebappsEngineApiHasOurMappersInsteadOfTheEnginesAndEverythingElse() {
    var classes = new EngineRestProviders.WebappEngineApi().getClasses();

    assertThat(classes)
        .contains(EngineRestProviders.EngineExceptions.class, EngineRestProviders.RestExceptions.class,
            EngineRestProviders.OtherExceptions.class, EngineRestInputErrors.MappingErrors.class,
            EngineRestInputErrors.ParseErrors.class)
        .doesNotContain(ProcessEngineExceptionHandler.class, RestExceptionHandler.class, ExceptionHandler.class,
            org.camunda.bpm.engine.rest.exception.JsonMappingExceptionHandler.class,
            org.camunda.bpm.engine.rest.exception.JsonParseExceptionHandler.class)
        .containsAll(EngineRestProviders.ADDED)
        .hasSize(new org.camunda.bpm.webapp.impl.engine.EngineRestApplication().getClasses().size()
            + EngineRestProviders.ADDED.size());
  }
}
