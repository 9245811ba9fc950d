package id.puskesos.rujukan.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.process.FakeExecution;
import id.puskesos.rujukan.scenario.CaseApi;

class RegisterIntakeDelegateTest {

  private final IntakeService intakeService = mock(IntakeService.class);
  private final IdentityService identityService = mock(IdentityService.class);
  private final RegisterIntakeDelegate delegate = new RegisterIntakeDelegate(intakeService, new Actors(identityService));

  /** The intake form's fields as Tasklist leaves them on the process: the checklist as JSON. */
  private static Map<String, Object> startForm() {
    Map<String, Object> form = new HashMap<>(CaseApi.intake("FOOD"));
    form.put("needs", Spin.JSON("[\"FOOD\"]"));
    form.put("urgent", true);
    return form;
  }

  @Test
  void newCaseGetsItsNumberAndCaseVariablesAndLosesTheRegistryFields() {
    when(identityService.getCurrentAuthentication()).thenReturn(new Authentication("fo", List.of("fo")));
    ArgumentCaptor<IntakeRequest> request = ArgumentCaptor.forClass(IntakeRequest.class);
    when(intakeService.register(request.capture(), any(), eq("fo"), any())).thenAnswer(call -> {
      ProcessStarter starter = call.getArgument(3);
      starter.start("RJK-2026-000009", Map.of(CaseVariables.RESIDENT_NAME.name(), "Siti Aminah"));
      return new IntakeResult("RJK-2026-000009", "pi-1", false, List.of());
    });
    FakeExecution execution = new FakeExecution(startForm());

    delegate.execute(execution.execution);

    assertThat(request.getValue().needs()).containsExactly("FOOD");
    assertThat(request.getValue().urgent()).isTrue();
    assertThat(execution.businessKey).isEqualTo("RJK-2026-000009");
    assertThat(execution.variables).containsEntry(CaseVariables.MERGED_INTO_OPEN_CASE.name(), false)
        .containsEntry(CaseVariables.RESIDENT_NAME.name(), "Siti Aminah")
        .doesNotContainKeys("kkNumber", "fullName", "birthDate", "sex", "rt", "rw", "kelurahan", "phone");
  }

  @Test
  void complaintForAnOpenCaseIsMarkedMergedUnderThatCasesNumber() {
    when(intakeService.register(any(), any(), eq(Actors.SYSTEM), any()))
        .thenReturn(new IntakeResult("RJK-2026-000003", "pi-0", true, List.of()));
    FakeExecution execution = new FakeExecution(startForm());

    delegate.execute(execution.execution);

    assertThat(execution.businessKey).isEqualTo("RJK-2026-000003");
    assertThat(execution.variables).containsEntry(CaseVariables.MERGED_INTO_OPEN_CASE.name(), true);
  }
}
