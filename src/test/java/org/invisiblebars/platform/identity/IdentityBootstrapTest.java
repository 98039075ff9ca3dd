package org.invisiblebars.platform.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.DefaultApplicationArguments;

class IdentityBootstrapTest {

  private final IdentityStore store = mock(IdentityStore.class);
  private final AuthorizationSeeder authorizations = mock(AuthorizationSeeder.class);
  private final TaskFilterSeeder filters = mock(TaskFilterSeeder.class);

  @SuppressWarnings("unchecked")
  private final ObjectProvider<DemoData> noDemo = mock(ObjectProvider.class);

  @Test
  void refusesToStartWhenTheAdministratorGroupIsEmpty() {
    when(store.memberCount(Groups.CAMUNDA_ADMIN)).thenReturn(0L);
    var bootstrap =
        new IdentityBootstrap(store, authorizations, filters, noDemo, "Adm1n!Strong#Pass");

    assertThatThrownBy(() -> bootstrap.run(new DefaultApplicationArguments()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("camunda-admin has no member");
  }

  @Test
  void refusesAWellKnownPasswordBeforeCreatingAnyone() {
    var bootstrap = new IdentityBootstrap(store, authorizations, filters, noDemo, "Admin");

    assertThatThrownBy(() -> bootstrap.run(new DefaultApplicationArguments()))
        .hasMessageContaining("well-known default");
    verify(store, never()).ensureUser(any(), anyString(), anyBoolean());
  }
}
