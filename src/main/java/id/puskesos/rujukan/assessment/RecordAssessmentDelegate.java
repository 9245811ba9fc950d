package id.puskesos.rujukan.assessment;

import static id.puskesos.rujukan.process.CaseVariables.*;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.Variable;
import id.puskesos.rujukan.referral.Need;

/**
 * {@code task_recordAssessment} in referral.bpmn. Reads the assess-needs form (household counts,
 * {@code monthlyIncome}, {@code needs}, {@code religion}, {@code consentPartners} of the partners in
 * {@code consentOptions}, {@code assessmentResult}, {@code notEligibleReason}); writes the confirmed {@code needs},
 * {@code needsSummary} and {@code consentSummary}. An instance of an earlier model version waits at the form of its
 * deployment, which asked BAZNAS and Salman by name: without {@code consentPartners} it submits
 * {@code consentBaznas} and {@code consentSalman}, and those two partners are the ones asked.
 */
@Component
public class RecordAssessmentDelegate implements JavaDelegate {

  /** The partners the earlier form asked about, by code. */
  private static final String BAZNAS = "BAZNAS";
  private static final String SALMAN = "SALMAN";

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
    Result result = checks.oneOf(Result.class, ASSESSMENT_RESULT.name(), ASSESSMENT_RESULT.get(execution),
        "Hasil asesmen");
    Assessment.Religion religion = RELIGION.get(execution) == null ? null
        : checks.oneOf(Assessment.Religion.class, RELIGION.name(), RELIGION.get(execution), "Agama");
    Set<Need> needs = EnumSet.noneOf(Need.class);
    for (String code : NEEDS.get(execution)) {
      Need need = checks.oneOf(Need.class, NEEDS.name(), code, "Kebutuhan");
      if (need != null) {
        needs.add(need);
      }
    }
    Long householdSize = HOUSEHOLD_SIZE.get(execution);
    Long income = MONTHLY_INCOME.get(execution);
    checks.check(householdSize != null, HOUSEHOLD_SIZE.name(), "Jumlah anggota keluarga wajib diisi");
    checks.check(income != null, MONTHLY_INCOME.name(), "Penghasilan keluarga per bulan wajib diisi");
    checks.throwIfAny();
    String number = caseNumber(execution);
    Consent consent = consent(execution, number);
    Assessment assessment = new Assessment(householdSize.intValue(), income, count(execution, PREGNANT_COUNT),
        count(execution, CHILDREN_UNDER_6), count(execution, PRIMARY_SCHOOL_CHILDREN),
        count(execution, JUNIOR_SCHOOL_CHILDREN), count(execution, SENIOR_SCHOOL_CHILDREN),
        count(execution, DISABLED_MEMBERS), count(execution, ELDERLY_MEMBERS), religion, needs, consent.given(),
        result == Result.ELIGIBLE, NOT_ELIGIBLE_REASON.get(execution));
    assessmentService.record(number, assessment, consent.asked(), actors.current());
    NEEDS.set(execution, needs.stream().map(Need::name).toList());
    NEEDS_SUMMARY.set(execution, Need.summary(needs));
    CONSENT_SUMMARY.set(execution, assessmentService.consentSummary(consent.asked(), consent.given()));
  }

  /** The partners the form asked consent for, and those the resident consented to. */
  private record Consent(List<String> asked, Set<String> given) {
  }

  private Consent consent(DelegateExecution execution, String number) {
    if (!execution.hasVariable(CONSENT_PARTNERS.name())) {
      // the earlier form: two checkboxes
      Set<String> given = new LinkedHashSet<>();
      if (CONSENT_BAZNAS.get(execution)) {
        given.add(BAZNAS);
      }
      if (CONSENT_SALMAN.get(execution)) {
        given.add(SALMAN);
      }
      return new Consent(List.of(BAZNAS, SALMAN), given);
    }
    // the options task_prepareConsentQuestions gave the form; asked again only where it did not run
    Collection<String> asked = execution.hasVariable(CONSENT_OPTIONS.name()) ? CONSENT_OPTIONS.get(execution).keySet()
        : assessmentService.consentQuestions(number).partners().keySet();
    return new Consent(List.copyOf(asked), new LinkedHashSet<>(CONSENT_PARTNERS.get(execution)));
  }

  private static int count(DelegateExecution execution, Variable<Long> variable) {
    Long value = variable.get(execution);
    return value == null ? 0 : value.intValue();
  }
}
