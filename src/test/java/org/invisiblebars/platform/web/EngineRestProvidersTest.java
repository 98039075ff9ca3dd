package org.invisiblebars.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonMappingExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonParseExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.junit.jupiter.api.Test;

/**
 * Both engine REST APIs carry our exception mappers (invalid task input 400, conflicts 409) instead
 * of the engine's mappers of the same types (two mappers of one type would leave the choice to
 * Jersey's ordering), and keep every other resource and provider of Camunda's.
 */
class EngineRestProvidersTest {

  @Test
  void engineRestHasOurMappersInsteadOfTheEnginesAndEverythingElse() throws Exception {
    EngineRestProviders.EngineRest engineRest = new EngineRestProviders.EngineRest();
    engineRest.afterPropertiesSet();

    assertOursInPlaceOfTheEngines(engineRest.getClasses());
    assertThat(engineRest.getClasses()).containsAll(CamundaRestResources.getResourceClasses());
  }

  @Test
  void theWebappsEngineApiHasOurMappersInsteadOfTheEnginesAndEverythingElse() {
    Set<Class<?>> classes = new EngineRestProviders.WebappEngineApi().getClasses();

    assertOursInPlaceOfTheEngines(classes);
    assertThat(classes)
        .hasSize(
            new EngineRestApplication().getClasses().size() + EngineRestProviders.ADDED.size());
  }

  private static void assertOursInPlaceOfTheEngines(Set<Class<?>> classes) {
    assertThat(classes)
        .contains(
            EngineRestProviders.EngineExceptions.class,
            EngineRestProviders.RestExceptions.class,
            EngineRestProviders.OtherExceptions.class,
            EngineRestInputErrors.MappingErrors.class,
            EngineRestInputErrors.ParseErrors.class)
        .doesNotContain(
            ProcessEngineExceptionHandler.class,
            RestExceptionHandler.class,
            ExceptionHandler.class,
            JsonMappingExceptionHandler.class,
            JsonParseExceptionHandler.class)
        .containsAll(EngineRestProviders.ADDED);
  }
}
