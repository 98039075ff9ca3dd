package org.invisiblebars.platform.deployment;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The engine's bean map: the Spring beans {@link PublishedForModels published for models}, by name,
 * and nothing else. Without it every expression of every model reaches every Spring bean ({@code
 * ${identityService.createMembership(...)}}).
 *
 * <p>The Spring Boot starter builds its expression manager from {@code getBeans()} before any
 * plugin runs, while the map is still unset, and then exposes the whole application context; so
 * this plugin sets the map <em>and</em> replaces the expression manager with one built on it. A
 * bean is looked up when a model first names it: delegates depend on engine services, which do not
 * exist yet while the engine is built.
 */
@Component
public class PublishedBeans extends AbstractProcessEnginePlugin {

  private final ListableBeanFactory beanFactory;
  private final ApplicationContext applicationContext;

  /**
   * The read-only map the engine resolves names in (expressions, and scripts of administrators).
   */
  private final Map<Object, Object> map = new ByName();

  private Set<String> names;

  PublishedBeans(ListableBeanFactory beanFactory, ApplicationContext applicationContext) {
    this.beanFactory = beanFactory;
    this.applicationContext = applicationContext;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setBeans(map);
    configuration.setExpressionManager(new SpringExpressionManager(applicationContext, map));
  }

  /**
   * The names models may use, sorted; read from the bean definitions, without creating any bean.
   */
  public synchronized Set<String> names() {
    if (names == null) {
      names =
          Arrays.stream(beanFactory.getBeanDefinitionNames())
              .filter(
                  name ->
                      beanFactory.findAnnotationOnBean(name, PublishedForModels.class, false)
                          != null)
              .collect(Collectors.toCollection(TreeSet::new));
    }
    return names;
  }

  private final class ByName extends AbstractMap<Object, Object> {

    @Override
    public boolean containsKey(Object name) {
      return names().contains(name);
    }

    @Override
    public Object get(Object name) {
      return containsKey(name) ? beanFactory.getBean((String) name) : null;
    }

    @Override
    public Set<Object> keySet() {
      return Set.copyOf(names());
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      return names().stream()
          .map(name -> new SimpleImmutableEntry<Object, Object>(name, get(name)))
          .collect(Collectors.toUnmodifiableSet());
    }
  }
}
