package org.invisiblebars.platform.reference;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.format.FormatterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Turns a {@link CaseKey} path variable into the case's id: an id as it is, a reference by looking
 * it up. A reference no case has converts to nothing, answered 404 as an unknown id is once the
 * handler looks; one of another organisation's cases converts to its id, which the handler's own
 * scope check refuses with the same 404 as for the id. Anything else is not a valid value (400
 * naming the variable).
 */
@Component
class CaseKeyConverter implements ConditionalGenericConverter, WebMvcConfigurer {

  private final EntityManager entities;
  private final TransactionTemplate readOnly;

  CaseKeyConverter(EntityManager entities, PlatformTransactionManager transactions) {
    this.entities = entities;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverter(this);
  }

  @Override
  public Set<ConvertiblePair> getConvertibleTypes() {
    return Set.of(new ConvertiblePair(String.class, UUID.class));
  }

  @Override
  public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
    return targetType.hasAnnotation(CaseKey.class);
  }

  @Override
  public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
    if (source == null) {
      return null;
    }
    String text = source.toString().strip();
    if (!CaseReferences.FORMAT.matcher(text.toUpperCase(Locale.ROOT)).matches()) {
      return UUID.fromString(text);
    }
    Class<? extends ReferencedCase> kind = targetType.getAnnotation(CaseKey.class).value();
    String reference = text.toUpperCase(Locale.ROOT);
    List<UUID> found =
        readOnly.execute(
            status ->
                entities
                    .createQuery(
                        "select c.id from " + kind.getSimpleName() + " c where c.reference = :r",
                        UUID.class)
                    .setParameter("r", reference)
                    .getResultList());
    // none: the missing variable is answered 404 (ProblemDetailsAdvice), as an unknown id is
    return found.isEmpty() ? null : found.get(0);
  }
}
