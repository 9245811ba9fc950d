package id.puskesos.rujukan.distribution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CommandAuthority;
import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.catalogue.AidKind;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.DateRule;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.inbound.ReceiptQuestions;
import id.puskesos.rujukan.partner.PartnerService;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.Distribution;
import id.puskesos.rujukan.referral.EventType;
import id.puskesos.rujukan.referral.ProgramReferral;

/**
 * Distribution: what was handed over (money, goods or both), when, where, by whom, with which proof, and that the
 * resident confirmed receipt; the resident is then asked by WhatsApp too ({@link ReceiptQuestions}). A grant may be
 * handed over in parts; each part moves that much of the program's budget from reserved to disbursed, and the last
 * one gives back what was reserved and not handed over.
 */
@Service
@Transactional
public class DistributionService {

  /** A handover recorded: whether the program is done, and a note on what is still to come. */
  public record Recorded(boolean complete, String remainingNote) {
  }

  /** The partners' decisions once all are in: how many programs delivered, and what, for the follow-up visit. */
  public record Summary(int distributed, String aidSummary) {
  }

  private final CaseFile caseFile;
  private final ProgramCatalogue catalogue;
  private final Budgets budgets;
  private final CommandAuthority authority;
  private final ReceiptQuestions receiptQuestions;
  private final Clock clock;

  public DistributionService(CaseFile caseFile, ProgramCatalogue catalogue, Budgets budgets,
      CommandAuthority authority, ReceiptQuestions receiptQuestions, Clock clock) {
    this.caseFile = caseFile;
    this.catalogue = catalogue;
    this.budgets = budgets;
    this.authority = authority;
    this.receiptQuestions = receiptQuestions;
    this.clock = clock;
  }

  public Recorded record(String referralNumber, String programCode, String distributionDate, Long amount,
      String items, Long quantity, String place, String handedOverBy, String proofReference, boolean receiptConfirmed,
      boolean finalHandover, String actor) {
    Program program = catalogue.program(programCode);
    authority.requirePartnerStaff("Penyaluran bantuan " + program.name(), program);
    Checks checks = new Checks();
    LocalDate date = checks.date(CaseVariables.DISTRIBUTION_DATE.name(), distributionDate, "Tanggal penyerahan", true);
    DateRule.of(checks, CaseVariables.DISTRIBUTION_DATE.name(), "Tanggal penyerahan", date)
        .notBefore("pengaduan diterima", caseFile.get(referralNumber).receivedAt())
        .notBefore("layanan ditetapkan", caseFile.serviceConfirmedAt(referralNumber, programCode))
        .notInFuture(clock);
    checks.check(amount == null || amount >= 0, CaseVariables.AID_AMOUNT.name(), "Nilai bantuan tidak boleh negatif");
    checks.check(quantity == null || quantity >= 0, CaseVariables.AID_QUANTITY.name(),
        "Jumlah barang tidak boleh negatif");
    checks.check(amount != null && amount > 0 || items != null, CaseVariables.AID_ITEMS.name(),
        "Isi nilai bantuan tunai atau barang yang diserahkan");
    checks.check(program.aidKind() != AidKind.GOODS || quantity != null && quantity > 0,
        CaseVariables.AID_QUANTITY.name(),
        "Jumlah barang (%s) yang diserahkan wajib diisi".formatted(program.unit()));
    String where = checks.required(CaseVariables.DISTRIBUTION_PLACE.name(), place, "Tempat penyerahan");
    String by = checks.required(CaseVariables.HANDED_OVER_BY.name(), handedOverBy, "Nama petugas yang menyerahkan");
    String proof = checks.required(CaseVariables.PROOF_REFERENCE.name(), proofReference, "Bukti penyerahan");
    checks.check(receiptConfirmed, CaseVariables.RECEIPT_CONFIRMED.name(),
        "Warga harus menyatakan telah menerima bantuan");
    checks.throwIfAny();
    boolean complete = finalHandover;
    String remaining = null;
    if (program.budgeted()) {
      long value = program.aidKind() == AidKind.GOODS ? quantity : amount == null ? 0 : amount;
      long left = budgets.disburse(referralNumber, programCode, value, finalHandover);
      complete = finalHandover || left == 0;
      remaining = complete ? null : "Sisa yang masih akan diserahkan: " + PartnerService.amount(program, left);
    } else {
      complete = true;
      budgets.serviceDelivered(referralNumber, programCode);
    }
    caseFile.recordDistribution(referralNumber, programCode, new Distribution(date, amount == null || amount == 0
        ? null : amount, items, quantity, where, by, proof, true, complete), actor);
    caseFile.record(referralNumber, EventType.AID_DISTRIBUTED, actor, "Bantuan %s diserahkan%s %s di %s: %s (bukti %s)"
        .formatted(program.name(), complete ? "" : " sebagian", Dates.written(date), where,
            describe(amount, items, quantity, program), proof), programCode);
    // the resident's own word on this handover (WhatsApp, with consent): docs/resident-inbound.md
    receiptQuestions.ask(referralNumber, programCode);
    return new Recorded(complete, remaining);
  }

  @Transactional(readOnly = true)
  public Summary summarise(String referralNumber) {
    List<ProgramReferral> delivered = caseFile.programs(referralNumber).stream()
        .filter(p -> p.status().delivered()).toList();
    String aid = delivered.stream()
        .map(p -> catalogue.program(p.programCode()).name() + ": " + describe(
            p.aidAmount() == null ? null : p.aidAmount().longValue(), p.aidItems(), null, null))
        .collect(Collectors.joining("; "));
    return new Summary(delivered.size(), aid.isEmpty() ? "tidak ada" : aid);
  }

  private static String describe(Long amount, String items, Long quantity, Program program) {
    String money = amount == null || amount == 0 ? null : Budgets.format(amount);
    String goods = items == null ? null
        : quantity == null || program == null ? items : "%s (%d %s)".formatted(items, quantity, program.unit());
    if (money != null && goods != null) {
      return money + " dan " + goods;
    }
    return money != null ? money : goods;
  }
}
