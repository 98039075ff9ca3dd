package org.invisiblebars.platform.process;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.delegate.ExpressionGetInvocation;
import org.camunda.bpm.engine.impl.delegate.ExpressionSetInvocation;
import org.camunda.bpm.engine.impl.delegate.ScriptInvocation;
import org.camunda.bpm.engine.impl.dmn.invocation.DecisionInvocation;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.camunda.bpm.engine.impl.variable.serializer.AbstractTypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.type.AbstractValueTypeImpl;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Stores the {@link Confidential} texts tasks show, and reads them back only to their readers.
 *
 * <p>Why engine internals: the engine decides who reads a variable by who may read its task,
 * instance or history, never by the variable; {@code enforceSpecificVariablePermission} adds
 * variable permissions per definition, but {@code camunda-admin} passes every check, and a query
 * filtering by value ({@code taskVariables like '%HIGH%'}) still answers yes or no about a text it
 * does not return. The one place every route to a value passes through (task, form, execution and
 * instance variables, variable-instance and history queries, filters with variable columns, the web
 * applications' engine API and Cockpit) is the value serializer, inside the command of the request.
 * So this plugin registers a serializer (an engine extension point whose base class and value
 * fields live in {@code impl}) that
 *
 * <ul>
 *   <li>writes the text with its readers into the variable's byte array, never into the text or
 *       number columns that value queries and sorting compare, so no query can match it;
 *   <li>reads it back as an ordinary value when the command runs for the engine itself (no
 *       authentication: the job executor, our use cases and task listeners) or for a member of one
 *       of the readers' groups, and as {@link Confidential#WITHHELD} (a null number or flag) for
 *       anyone else, administrators included, outside a command, and to a model's own expressions
 *       and decisions ({@link ModelEvaluation}), so no model copies a text out.
 * </ul>
 *
 * <p>This is the only class that touches those internals. Process tests register it as well ({@code
 * process-test.camunda.cfg.xml}), so a model whose listeners write such values runs there too.
 */
@Component
public class ConfidentialVariables extends AbstractProcessEnginePlugin {

  /** The serializer's name, stored as the variable's type ({@code TYPE_}). */
  public static final String NAME = "confidential";

  static final String SEPARATOR = ",";
  static final ValueType TYPE = new ConfidentialType();

  private static final String TEXT = "string";
  private static final String NUMBER = "integer";
  private static final String FLAG = "boolean";

  @Override
  @SuppressWarnings("rawtypes")
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<TypedValueSerializer> serializers = new ArrayList<>();
    if (configuration.getCustomPreVariableSerializers() != null) {
      serializers.addAll(configuration.getCustomPreVariableSerializers());
    }
    serializers.add(new Serializer());
    configuration.setCustomPreVariableSerializers(serializers);
  }

  /** After the engine set up its delegate interceptor: models read as nobody may read. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDelegateInterceptor(
        new ModelEvaluation(configuration.getDelegateInterceptor()));
  }

  /**
   * Whether the command that reads a value runs for the engine itself or for one of its readers.
   */
  static boolean mayRead(Set<String> readers) {
    if (!CurrentCommand.running() || ModelEvaluation.running()) {
      return false;
    }
    Authentication authentication = CurrentCommand.authentication();
    if (authentication == null) {
      return true;
    }
    List<String> groups = authentication.getGroupIds();
    return groups != null && groups.stream().anyMatch(readers::contains);
  }

  /**
   * Marks the evaluation of what a model says (an expression: a condition, an I/O mapping, a timer;
   * a decision a business rule task evaluates; a script) while it runs. Models may read variables,
   * a process owner's too, so without this a condition, a mapping or a decision evaluated while a
   * reader completes a task would read the text and could copy it into a plain variable or route on
   * it. Our own code (delegates, listeners, use cases) runs outside these evaluations and reads as
   * before. The delegate interceptor is the engine's hook around every call into a model's
   * expressions and user code.
   */
  record ModelEvaluation(DelegateInterceptor delegate) implements DelegateInterceptor {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    static boolean running() {
      return DEPTH.get()[0] > 0;
    }

    @Override
    public void handleInvocation(DelegateInvocation invocation) throws Exception {
      if (!(invocation instanceof ExpressionGetInvocation
          || invocation instanceof ExpressionSetInvocation
          || invocation instanceof DecisionInvocation
          || invocation instanceof ScriptInvocation)) {
        delegate.handleInvocation(invocation);
        return;
      }
      int[] depth = DEPTH.get();
      depth[0]++;
      try {
        delegate.handleInvocation(invocation);
      } finally {
        depth[0]--;
      }
    }
  }

  /** Kind, readers and value, one line each; the value last, so it may span lines. */
  static byte[] encode(Confidential.Value value) {
    Object raw = value.getValue();
    String kind = raw instanceof Integer ? NUMBER : raw instanceof Boolean ? FLAG : TEXT;
    return (kind + "\n" + String.join(SEPARATOR, value.readers()) + "\n" + raw)
        .getBytes(StandardCharsets.UTF_8);
  }

  static TypedValue decode(byte[] stored, boolean asTransient) {
    if (stored == null) {
      return Variables.stringValue(Confidential.WITHHELD, asTransient);
    }
    String[] parts = new String(stored, StandardCharsets.UTF_8).split("\n", 3);
    boolean readable = mayRead(Set.of(parts[1].split(SEPARATOR)));
    return switch (parts[0]) {
      case NUMBER ->
          Variables.integerValue(readable ? Integer.valueOf(parts[2]) : null, asTransient);
      case FLAG -> Variables.booleanValue(readable ? Boolean.valueOf(parts[2]) : null, asTransient);
      default -> Variables.stringValue(readable ? parts[2] : Confidential.WITHHELD, asTransient);
    };
  }

  /** Writes {@link Confidential.Value}s only; reads them as the plain value, or withheld. */
  static final class Serializer extends AbstractTypedValueSerializer<TypedValue> {

    Serializer() {
      super(TYPE);
    }

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    protected boolean canWriteValue(TypedValue value) {
      return value instanceof Confidential.Value;
    }

    @Override
    public void writeValue(TypedValue value, ValueFields fields) {
      fields.setByteArrayValue(encode((Confidential.Value) value));
      fields.setTextValue(null);
      fields.setTextValue2(null);
      fields.setLongValue(null);
      fields.setDoubleValue(null);
    }

    @Override
    public TypedValue readValue(
        ValueFields fields, boolean deserializeValue, boolean asTransientValue) {
      return decode(fields.getByteArrayValue(), asTransientValue);
    }

    @Override
    public TypedValue convertToTypedValue(UntypedValueImpl untypedValue) {
      // canWriteValue refuses every untyped value, so the engine never asks.
      throw new UnsupportedOperationException("a confidential value is always written as such");
    }
  }

  /**
   * The type of the stored values; never registered for clients, so no request can write or query
   * one.
   */
  static final class ConfidentialType extends AbstractValueTypeImpl {

    private static final long serialVersionUID = 1L;

    ConfidentialType() {
      super(NAME);
    }

    @Override
    public boolean isPrimitiveValueType() {
      return false;
    }

    @Override
    public Map<String, Object> getValueInfo(TypedValue typedValue) {
      return Map.of();
    }

    @Override
    public TypedValue createValue(Object value, Map<String, Object> valueInfo) {
      throw new UnsupportedOperationException(
          "confidential values are written by the application only");
    }
  }
}
