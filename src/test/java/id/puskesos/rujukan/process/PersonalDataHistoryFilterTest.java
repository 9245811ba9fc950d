package id.puskesos.rujukan.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The filter leaves out every declared variable marked {@code notInHistory()}, not only the referral case's. */
class PersonalDataHistoryFilterTest {

  @Test
  void theRegistrysTheEvaluationsAndTheReportsFreeTextStaysOutTheirIdsAndDecisionsStay() {
    NotInHistory other = () -> Set.of("commentCoordination");
    Set<String> left = new PersonalDataHistoryFilter(List.of(other)).notInHistory();

    assertThat(left).contains(RegistryVariables.RECORD_A.name(), RegistryVariables.DUPLICATE_NOTE.name(),
        RegistryVariables.REGISTRY_SUMMARY.name(), EvaluationProcess.Variables.WORKED.name(),
        EvaluationProcess.Variables.ACTION_DESCRIPTION.get(0).name(), MonthlyReportProcess.Variables.NARRATIVE.name(),
        CaseVariables.NIK.name(), "commentCoordination");
    assertThat(left).doesNotContain(RegistryVariables.DUPLICATE_DECISION.name(),
        RegistryVariables.DUPLICATE_CANDIDATE_ID.name(), EvaluationProcess.Variables.EVALUATION_ID.name(),
        EvaluationProcess.Variables.ACTION_OWNER.get(0).name(), MonthlyReportProcess.Variables.REPORT_ID.name(),
        MonthlyReportProcess.Variables.CORRECTION_NOTE.name(), CaseVariables.RESIDENT_ID.name());
  }
}
