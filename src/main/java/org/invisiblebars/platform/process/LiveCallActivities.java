package org.invisiblebars.platform.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.CallableElementActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.model.BaseCallableElement;
import org.camunda.bpm.engine.impl.core.model.BaseCallableElement.CallableElementBinding;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.ParameterValueProvider;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Makes every call activity bound to the {@code latest} version of the process it calls (the
 * default binding) call the <em>live</em> version instead ({@link HeldDeployments}): otherwise a
 * process owner's change to a called process (report-review calls coordination-meeting), suspended
 * while it awaits review, would fail every call made meanwhile. A BPMN parse listener, the engine's
 * documented extension point; the call activity's callable element and its version provider are
 * engine classes (Camunda 7.24: {@code CallableElementActivityBehavior#getCallableElement}, {@code
 * BaseCallableElement#setBinding} and {@code #setVersionValueProvider}), so check them on an
 * upgrade. Bindings a model chose itself ({@code deployment}, {@code version}, {@code versionTag})
 * are left as they are.
 */
@Component
class LiveCallActivities extends AbstractProcessEnginePlugin {

  private final HeldDeployments held;

  LiveCallActivities(HeldDeployments held) {
    this.held = held;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners =
        configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof CallableElementActivityBehavior call) {
              BaseCallableElement callable = call.getCallableElement();
              if (callable != null && callable.isLatestBinding()) {
                callable.setBinding(CallableElementBinding.VERSION);
                callable.setVersionValueProvider(new LiveVersion(callable));
              }
            }
          }
        });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** The live version of the called process, resolved at each call. */
  private final class LiveVersion implements ParameterValueProvider {

    private final BaseCallableElement callable;

    LiveVersion(BaseCallableElement callable) {
      this.callable = callable;
    }

    @Override
    public Object getValue(VariableScope scope) {
      String key = callable.getDefinitionKey(scope);
      return held.liveProcess(key).version();
    }

    @Override
    public boolean isDynamic() {
      return true;
    }
  }
}
