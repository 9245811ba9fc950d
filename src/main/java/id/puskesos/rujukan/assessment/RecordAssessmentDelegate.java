package id.puskesos.rujukan.assessment;

import static id.puskesos.rujukan.process.CaseVariables.*;

import java.util.EnumSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.referral.Need;

/**
 * {@code task_recordAssessment} in referral.bpmn. Reads the assess-needs form (household counts,
 * {@code monthlyIncome}, {@code needs}, {@code religion}, {@code consentBaznas}, {@code consentSalman},
 * {@code assessmentResult}, {@code notEligibleReason}); writes the confirmed {@code needs},
 * {@code needsSummary} and {@code consentSummary}.
 */
@Component
public class RecordAssessmentDelegate implements JavaDelegate {

  private final AssessmentService assessmentService;
  private final Actors actors;

  public RecordAssessmentDelegate(AssessmentService assessmentService, Actors actors) {
    this.assessmentService = assessmentService;
    this.actors = actors;
  }

  enum Result {
    ELIGIBLE, NOT_ELIGIBLE
  }

  @Override
  public void execute(DelegateExecution execution) {
    Checks checks = new Checks();
    Result result = checks.oneOf(Result.class, ASSESSMENT_RESULT, string(execution, ASSESSMENT_RESULT), "Hasil asesmen");
    Assessment.Religion religion = string(execution, RELIGION) == null ? null
        : checks.oneOf(Assessment.Religion.class, RELIGION, string(execution, RELIGION), "Agama");
    Set<Need> needs = EnumSet.noneOf(Need.class);
    for (String code : strings(execution, NEEDS)) {
      Need need = checks.oneOf(Need.class, NEEDS, code, "Kebutuhan");
      if (need != null) {
        needs.add(need);
      }
    }
    Long householdSize = number(execution, HOUSEHOLD_SIZE);
    Long income = number(execution, MONTHLY_INCOME);
    checks.check(householdSize != null, HOUSEHOLD_SIZE, "Jumlah anggota keluarga wajib diisi");
    checks.check(income != null, MONTHLY_INCOME, "Penghasilan keluarga per bulan wajib diisi");
    checks.throwIfAny();
    boolean consentBaznas = flag(execution, CONSENT_BAZNAS);
    boolean consentSalman = flag(execution, CONSENT_SALMAN);
    Assessment assessment = new Assessment(householdSize.intValue(), income, count(execution, PREGNANT_COUNT),
        count(execution, CHILDREN_UNDER_6), count(execution, PRIMARY_SCHOOL_CHILDREN),
        count(execution, JUNIOR_SCHOOL_CHILDREN), count(execution, SENIOR_SCHOOL_CHILDREN),
        count(execution, DISABLED_MEMBERS), count(execution, ELDERLY_MEMBERS), religion, needs, consentBaznas,
        consentSalman, result == Result.ELIGIBLE, string(execution, NOT_ELIGIBLE_REASON));
    assessmentService.record(caseNumber(execution), assessment, actors.current());
    execution.setVariable(NEEDS, jsonList(needs.stream().map(Need::name).toList()));
    execution.setVariable(NEEDS_SUMMARY, Need.summary(needs));
    execution.setVariable(CONSENT_SUMMARY, AssessmentService.consentSummary(consentBaznas, consentSalman));
  }

  private static int count(DelegateExecution execution, String name) {
    Long value = number(execution, name);
    return value == null ? 0 : value.intValue();
  }
}
