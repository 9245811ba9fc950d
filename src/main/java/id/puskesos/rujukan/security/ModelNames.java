package id.puskesos.rujukan.security;

import java.util.List;

import id.puskesos.rujukan.process.DtksInclusionProcess;
import id.puskesos.rujukan.process.DuplicateReviewProcess;
import id.puskesos.rujukan.process.EvaluationProcess;
import id.puskesos.rujukan.process.GrievanceProcess;
import id.puskesos.rujukan.process.MonthlyReportProcess;
import id.puskesos.rujukan.process.PartnerReferralProcess;
import id.puskesos.rujukan.process.ProfessionalOpinionProcess;
import id.puskesos.rujukan.process.ReferralProcess;
import id.puskesos.rujukan.process.ReverificationProcesses;
import id.puskesos.rujukan.process.WithdrawalProcess;

/**
 * The model names the grants and the Tasklist filters need: process ids and the partners' task ids, taken from the
 * constants that name the models (security sits above the kernel's {@code process} package), never written here.
 *
 * @param puskesosProcesses the processes Puskesos staff work on, case by case
 * @param reportingProcesses the Puskesos's own reporting: every Puskesos group follows them, the koordinator starts
 *     them
 * @param followedProcesses processes the Puskesos follows but does not work (a health worker's or Babinsa's opinion)
 * @param partnerTasks the tasks a case waits on a partner for (the "Menunggu mitra" filter)
 * @param grievanceProcess grievances about the service: the front office starts them, the koordinator handles them
 * @param grievanceTasks the koordinator's grievance task (the "Keluhan warga" filter)
 */
record ModelNames(List<String> puskesosProcesses, List<String> reportingProcesses,
    List<String> followedProcesses, List<String> partnerTasks, String grievanceProcess, List<String> grievanceTasks) {

  static final ModelNames OF_THE_MODELS = new ModelNames(
      List.of(ReferralProcess.PROCESS_ID, PartnerReferralProcess.PROCESS_ID, WithdrawalProcess.PROCESS_ID,
          DtksInclusionProcess.PROCESS_ID, DuplicateReviewProcess.PROCESS_ID,
          ReverificationProcesses.Round.PROCESS_ID, ReverificationProcesses.Resident.PROCESS_ID),
      List.of(EvaluationProcess.PROCESS_ID, MonthlyReportProcess.PROCESS_ID),
      List.of(ProfessionalOpinionProcess.PROCESS_ID),
      List.of(PartnerReferralProcess.TASK_DECIDE_REFERRAL, PartnerReferralProcess.TASK_DISTRIBUTE_AID),
      GrievanceProcess.PROCESS_ID, List.of(GrievanceProcess.TASK_HANDLE_GRIEVANCE));
}
