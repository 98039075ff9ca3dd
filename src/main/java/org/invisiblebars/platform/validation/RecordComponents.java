package org.invisiblebars.platform.validation;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** Reads a record's component by name, for the cross-field constraints of input records. */
final class RecordComponents {

  private RecordComponents() {}

  static Object value(Record input, String name) {
    RecordComponent component =
        Arrays.stream(input.getClass().getRecordComponents())
            .filter(c -> c.getName().equals(name))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        input.getClass().getSimpleName() + " has no field " + name));
    try {
      Method accessor = component.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(input);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "cannot read " + name + " of " + input.getClass().getSimpleName(), e);
    }
  }
}
