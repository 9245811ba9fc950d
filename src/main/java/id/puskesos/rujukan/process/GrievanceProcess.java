package id.puskesos.rujukan.process;

import static id.puskesos.rujukan.common.Variable.text;

import java.util.List;

import id.puskesos.rujukan.common.Variable;

/** Names in {@code processes/grievance.bpmn} that code and tests refer to (docs/grievances.md). */
public final class GrievanceProcess {

  public static final String PROCESS_ID = "grievance";
  /** Tasklist's start form (front office, koordinator). */
  public static final String START_GRIEVANCE_REPORTED = "start_grievanceReported";
  /** The API's and the WhatsApp webhook's start, after {@code Grievances.open} registered the grievance. */
  public static final String START_GRIEVANCE_SUBMITTED = "start_grievanceSubmitted";
  public static final String MSG_GRIEVANCE_SUBMITTED = "msg_grievanceSubmitted";
  public static final String TASK_REGISTER_GRIEVANCE = "task_registerGrievance";
  public static final String TASK_HANDLE_GRIEVANCE = "task_handleGrievance";
  public static final String TASK_RECORD_RESPONSE = "task_recordGrievanceResponse";
  public static final String GATEWAY_FORWARDED = "gateway_forwardedToPartner";
  public static final String TASK_ANSWER_GRIEVANCE = "task_answerGrievance";
  public static final String TASK_RECORD_PARTNER_ANSWER = "task_recordPartnerAnswer";
  public static final String END_GRIEVANCE_RESOLVED = "end_grievanceResolved";
  public static final String END_PARTNER_ANSWERED = "end_partnerAnswered";

  /**
   * The process's variables; the linked referral is {@link CaseVariables#REFERRAL_NUMBER} (shown in Tasklist's
   * filters as "No. rujukan"). Free text stays out of the history: the {@code grievance} table keeps it.
   */
  public static final class Variables {
    /**
     * The referral the grievance is about, as the start form and the API give it (optional). Not
     * {@code referralNumber}: no form but the withdrawal's names a case by that key; the register step writes the
     * checked number there.
     */
    public static final Variable<String> GRIEVANCE_REFERRAL = text("grievanceReferral");
    public static final Variable<String> GRIEVANCE_NUMBER = text("grievanceNumber");
    /** TERLAMBAT, TIDAK_SOPAN, BANTUAN_TIDAK_SESUAI, LAINNYA, and its label for the task's name. */
    public static final Variable<String> GRIEVANCE_KIND = text("grievanceKind");
    public static final Variable<String> GRIEVANCE_KIND_LABEL = text("grievanceKindLabel");
    public static final Variable<String> GRIEVANCE_CHANNEL = text("grievanceChannel");
    public static final Variable<String> GRIEVANCE_TEXT = text("grievanceText").notInHistory();
    /** PUSKESOS or the code of a partner in the catalogue, and its name for the forms. */
    public static final Variable<String> GRIEVANCE_ABOUT = text("grievanceAbout");
    public static final Variable<String> GRIEVANCE_ABOUT_NAME = text("grievanceAboutName");
    public static final Variable<String> GRIEVANCE_FINDING = text("grievanceFinding").notInHistory();
    public static final Variable<String> GRIEVANCE_ACTION = text("grievanceAction").notInHistory();
    /** DITERIMA, DITOLAK, DITERUSKAN. */
    public static final Variable<String> GRIEVANCE_OUTCOME = text("grievanceOutcome");
    public static final Variable<Boolean> RESIDENT_INFORMED = Variable.flag("residentInformed");
    /** Set by the response's record step: the outcome is DITERUSKAN, and the partner's group that answers. */
    public static final Variable<Boolean> FORWARDED_TO_PARTNER = Variable.flag("forwardedToPartner");
    public static final Variable<String> GRIEVANCE_PARTNER_GROUP = text("grievancePartnerGroup");
    public static final Variable<String> PARTNER_ANSWER = text("partnerAnswer").notInHistory();

    private Variables() {
    }

    public static List<Variable<?>> all() {
      return Variable.declaredIn(Variables.class);
    }
  }

  private GrievanceProcess() {
  }
}
