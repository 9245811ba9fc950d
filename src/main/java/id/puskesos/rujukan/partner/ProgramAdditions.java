package id.puskesos.rujukan.partner;

import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.common.ConflictException;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.process.ReferralProcess;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.ReferralRecord;
import id.puskesos.rujukan.routing.RoutingService;

/**
 * The back office or the koordinator adds a program to a case by hand, with a reason, while the case is with its
 * partners: the same rules in code and the household ledger apply as for routing, and the partner referral joins
 * the case's others (one more instance of {@code call_partnerReferral}), so the follow-up waits for it too.
 */
@Service
@Transactional
public class ProgramAdditions {

  private static final String PARTNERS_AT_WORK = ReferralProcess.CALL_PARTNER_REFERRAL + "#multiInstanceBody";

  private final CaseFile caseFile;
  private final RoutingService routing;
  private final RuntimeService runtimeService;
  private final CaseAccess caseAccess;

  public ProgramAdditions(CaseFile caseFile, RoutingService routing, RuntimeService runtimeService,
      CaseAccess caseAccess) {
    this.caseFile = caseFile;
    this.routing = routing;
    this.runtimeService = runtimeService;
    this.caseAccess = caseAccess;
  }

  public void add(String referralNumber, String programCode, String need, String reason, String actor) {
    ReferralRecord referral = caseFile.get(referralNumber);
    if (!referral.open()) {
      throw new ConflictException("Rujukan %s sudah ditutup".formatted(referralNumber));
    }
    String body = caseAccess.withoutAuthorization(() -> partnersAtWork(referralNumber)).orElseThrow(
        () -> new ConflictException(("Program hanya dapat ditambahkan selama rujukan %s berada pada mitra (keputusan "
            + "mitra atau penyaluran); sebelum itu tambahkan lewat rekomendasi back office, sesudahnya ajukan kasus baru")
            .formatted(referralNumber)));
    routing.addByHand(referralNumber, programCode, need, reason, actor);
    caseAccess.withoutAuthorization(() -> {
      runtimeService.createProcessInstanceModification(referral.processInstanceId())
          .startBeforeActivity(ReferralProcess.CALL_PARTNER_REFERRAL, body)
          .setVariableLocal(CaseVariables.PROGRAM_CODE.name(), CaseVariables.PROGRAM_CODE.write(programCode))
          .setVariableLocal(CaseVariables.REDISTRIBUTE.name(), CaseVariables.REDISTRIBUTE.write(false))
          .execute();
      return null;
    });
  }

  /** The activity instance of the case's partner referrals while they run. */
  private Optional<String> partnersAtWork(String referralNumber) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(referralNumber)
        .processDefinitionKey(ReferralProcess.PROCESS_ID).singleResult();
    if (instance == null) {
      return Optional.empty();
    }
    for (ActivityInstance child : runtimeService.getActivityInstance(instance.getId()).getChildActivityInstances()) {
      if (PARTNERS_AT_WORK.equals(child.getActivityId())) {
        return Optional.of(child.getId());
      }
    }
    return Optional.empty();
  }
}
