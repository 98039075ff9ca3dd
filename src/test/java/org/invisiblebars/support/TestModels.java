package org.invisiblebars.support;

/** Small BPMN models tests deploy: what a process owner might deploy from Modeler. */
public final class TestModels {

  private TestModels() {}

  /** A process that waits at one timer, named {@code name}. */
  public static String waitingAt(String key, String id, String name) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s"
            targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="%2$s" />
            <bpmn:intermediateCatchEvent id="%2$s" name="%3$s">
              <bpmn:timerEventDefinition>
                <bpmn:timeDuration>P30D</bpmn:timeDuration>
              </bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="%2$s" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(key, id, name);
  }

  /** A process that calls {@code callee} (bound to its latest version, Camunda's default). */
  public static String calling(String key, String callee) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s"
            targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Call" />
            <bpmn:callActivity id="Call" calledElement="%2$s" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Call" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(key, callee);
  }
}
