package id.puskesos.rujukan.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.process.FakeExecution;
import id.puskesos.rujukan.referral.Need;

class IssueReferralsDelegateTest {

  @Test
  void passesTheApprovedProgramsAndConsentsAndWritesTheCollectionForThePartnerCalls() {
    RoutingService routing = mock(RoutingService.class);
    ArgumentCaptor<RoutingRequest> consent = ArgumentCaptor.forClass(RoutingRequest.class);
    when(routing.issue(eq("RJK-2026-000004"), eq(List.of("BPNT", "SALMAN_SEMBAKO")), consent.capture(), any()))
        .thenReturn(new RoutingService.Issued("REK/RJK-2026-000004", List.of("BPNT"), "Tidak dikirim: Paket sembako"));
    FakeExecution execution = new FakeExecution(Map.of(
        CaseVariables.REFERRAL_NUMBER, "RJK-2026-000004",
        CaseVariables.SELECTED_PROGRAMS, Spin.JSON("[\"BPNT\", \"SALMAN_SEMBAKO\"]"),
        CaseVariables.NEEDS, Spin.JSON("[\"FOOD\"]"),
        CaseVariables.CONSENT_BAZNAS, true));

    new IssueReferralsDelegate(routing, new Actors(mock(IdentityService.class))).execute(execution.execution);

    assertThat(consent.getValue().needs()).containsExactly(Need.FOOD);
    assertThat(consent.getValue().consentBaznas()).isTrue();
    assertThat(consent.getValue().consentSalman()).isFalse();
    assertThat(execution.variables).containsEntry(CaseVariables.PROGRAMS, List.of("BPNT"))
        .containsEntry(CaseVariables.REFERRED_COUNT, 1)
        .containsEntry(CaseVariables.RECOMMENDATION_NUMBER, "REK/RJK-2026-000004")
        .containsEntry(CaseVariables.ROUTING_NOTE, "Tidak dikirim: Paket sembako");
  }
}
