package id.puskesos.rujukan.process;

import java.util.List;
import java.util.stream.Stream;

import id.puskesos.rujukan.common.Variable;

/**
 * Names in {@code processes/professional-opinion.bpmn}: one health worker's or Babinsa's opinion, called by the
 * referral's field verification as an instance of its own, so that the one asked sees only what its form shows.
 */
public final class ProfessionalOpinionProcess {

  public static final String PROCESS_ID = "professional-opinion";
  public static final String START_OPINION_ASKED = "start_opinionAsked";
  public static final String TASK_GIVE_OPINION = "task_giveOpinion";
  public static final String END_OPINION_WRITTEN = "end_opinionWritten";

  /** The copies of the case's variables the called instance holds (the {@code camunda:in} of the call). */
  public static final List<String> CASE_DATA = Stream.of(CaseVariables.REFERRAL_NUMBER, CaseVariables.RESIDENT_NAME,
      CaseVariables.NIK_MASKED, CaseVariables.ADDRESS, CaseVariables.NEEDS_SUMMARY, CaseVariables.DESCRIPTION,
      CaseVariables.VISIT_FINDINGS, CaseVariables.URGENT, CaseVariables.OPINION_GROUP).map(Variable::name).toList();

  private ProfessionalOpinionProcess() {
  }
}
