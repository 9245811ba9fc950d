package id.puskesos.rujukan.process;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import id.puskesos.rujukan.security.ModelNames;

/** The model names security grants and filters by, from the constants that name the models. */
@Configuration(proxyBeanMethods = false)
public class SecurityModelNames {

  @Bean
  ModelNames modelNames() {
    return new ModelNames(
        List.of(ReferralProcess.PROCESS_ID, PartnerReferralProcess.PROCESS_ID, WithdrawalProcess.PROCESS_ID,
            DtksInclusionProcess.PROCESS_ID, DuplicateReviewProcess.PROCESS_ID,
            ReverificationProcesses.Round.PROCESS_ID, ReverificationProcesses.Resident.PROCESS_ID),
        List.of(EvaluationProcess.PROCESS_ID, MonthlyReportProcess.PROCESS_ID),
        List.of(ProfessionalOpinionProcess.PROCESS_ID),
        List.of(PartnerReferralProcess.TASK_DECIDE_REFERRAL, PartnerReferralProcess.TASK_DISTRIBUTE_AID));
  }
}
