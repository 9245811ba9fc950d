package id.puskesos.rujukan.intake;

import java.util.HashMap;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CommandAuthority;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.ConflictException;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.process.ReferralProcess;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.ReferralRecord;

/**
 * A resident withdraws their complaint: the open case is closed at whatever stage it is, and the partners' open
 * tasks disappear with it.
 */
@Service
public class WithdrawalService {

  private final CaseFile caseFile;
  private final RuntimeService runtimeService;
  private final CommandAuthority authority;

  public WithdrawalService(CaseFile caseFile, RuntimeService runtimeService, CommandAuthority authority) {
    this.caseFile = caseFile;
    this.runtimeService = runtimeService;
    this.authority = authority;
  }

  @Transactional
  public void withdraw(String referralNumber, String reason) {
    // both doors (the API and Tasklist's start form) alike
    authority.require("Pencabutan pengaduan", "petugas Puskesos (front office, back office, koordinator)",
        Groups.FRONT_OFFICE, Groups.BACK_OFFICE, Groups.KOORDINATOR);
    Checks checks = new Checks();
    String why = checks.required("reason", reason, "Alasan pencabutan");
    checks.check(why == null || why.length() <= 500, "reason", "Alasan pencabutan paling banyak 500 karakter");
    checks.throwIfAny();
    ReferralRecord referral = caseFile.get(referralNumber);
    if (!referral.open()) {
      throw new ConflictException("Rujukan " + referralNumber + " sudah ditutup (" + referral.outcome().label() + ")");
    }
    runtimeService.createMessageCorrelation(ReferralProcess.MSG_RESIDENT_WITHDREW)
        .processInstanceId(referral.processInstanceId())
        .setVariables(CaseVariables.WITHDRAWAL_REASON.put(new HashMap<>(), why))
        .correlate();
  }
}
