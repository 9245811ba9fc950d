package id.puskesos.rujukan.distribution;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.Distribution;
import id.puskesos.rujukan.referral.EventType;
import id.puskesos.rujukan.referral.ProgramReferral;
import id.puskesos.rujukan.referral.ProgramStatus;
import id.puskesos.rujukan.routing.ProgramCatalogue;

/** Distribution: what was handed over, when, with which proof, and that the resident confirmed receipt. */
@Service
@Transactional
public class DistributionService {

  private static final Locale INDONESIA = Locale.forLanguageTag("id-ID");

  /** The partners' decisions once all are in: how many programs delivered, and what, for the follow-up visit. */
  public record Summary(int distributed, String aidSummary) {
  }

  private final CaseFile caseFile;
  private final ProgramCatalogue catalogue;
  private final Clock clock;

  public DistributionService(CaseFile caseFile, ProgramCatalogue catalogue, Clock clock) {
    this.caseFile = caseFile;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  public void record(String referralNumber, String programCode, String distributionDate, Long amount, String items,
      String proofReference, boolean receiptConfirmed, String actor) {
    Checks checks = new Checks();
    LocalDate date = checks.date("distributionDate", distributionDate, "Tanggal penyerahan", true);
    checks.check(date == null || !date.isAfter(LocalDate.now(clock)), "distributionDate",
        "Tanggal penyerahan tidak boleh di masa depan");
    checks.check(amount == null || amount >= 0, "aidAmount", "Nilai bantuan tidak boleh negatif");
    checks.check(amount != null && amount > 0 || items != null, "aidItems",
        "Isi nilai bantuan tunai atau barang yang diserahkan");
    String proof = checks.required("proofReference", proofReference, "Bukti penyerahan");
    checks.check(receiptConfirmed, "receiptConfirmed", "Warga harus menyatakan telah menerima bantuan");
    checks.throwIfAny();
    BigDecimal value = amount == null || amount == 0 ? null : BigDecimal.valueOf(amount);
    caseFile.recordDistribution(referralNumber, programCode, new Distribution(date, value, items, proof), actor);
    caseFile.record(referralNumber, EventType.AID_DISTRIBUTED, actor, "Bantuan %s diserahkan %s: %s (bukti %s)"
        .formatted(catalogue.program(programCode).name(), date, describe(value, items), proof));
  }

  @Transactional(readOnly = true)
  public Summary summarise(String referralNumber) {
    List<ProgramReferral> delivered = caseFile.programs(referralNumber).stream()
        .filter(p -> p.status() == ProgramStatus.DISTRIBUTED).toList();
    String aid = delivered.stream()
        .map(p -> catalogue.program(p.programCode()).name() + ": " + describe(p.aidAmount(), p.aidItems()))
        .collect(Collectors.joining("; "));
    return new Summary(delivered.size(), aid.isEmpty() ? "tidak ada" : aid);
  }

  private static String describe(BigDecimal amount, String items) {
    String money = amount == null ? null : "Rp" + NumberFormat.getIntegerInstance(INDONESIA).format(amount);
    if (money != null && items != null) {
      return money + " dan " + items;
    }
    return money != null ? money : items;
  }
}
