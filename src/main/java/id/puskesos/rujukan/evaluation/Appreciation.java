package id.puskesos.rujukan.evaluation;

import static id.puskesos.rujukan.report.Labels.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import id.puskesos.rujukan.report.PeriodFigures.Figures;
import id.puskesos.rujukan.report.PeriodFigures.PartnerRecord;

/**
 * What each partner did well in the period, named from the records: residents served, the most residents served,
 * the fastest response to referrals, the most complete handover records (receipts confirmed by the resident), and
 * the ideas the joint meeting adopted. A partner with nothing to name is thanked for taking part.
 */
public final class Appreciation {

  private Appreciation() {
  }

  /** Reasons per partner code, in catalogue order; {@code ideasAdopted} counts adopted ideas per partner code. */
  public static Map<String, List<String>> reasons(Figures figures, Map<String, Integer> ideasAdopted) {
    List<PartnerRecord> records = figures.partners();
    long mostServed = records.stream().mapToLong(PartnerRecord::residentsServed).max().orElse(0);
    Double fastest = records.stream().map(PartnerRecord::medianResponseHours).filter(Objects::nonNull)
        .min(Double::compare).orElse(null);
    Double mostComplete = records.stream().map(PartnerRecord::receiptConfirmedShare).filter(Objects::nonNull)
        .max(Double::compare).orElse(null);
    boolean compared = records.size() > 1;
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (String code : figures.partnerNames().keySet()) {
      PartnerRecord r = records.stream().filter(p -> p.partnerCode().equals(code)).findFirst()
          .orElse(new PartnerRecord(code, 0, 0, 0, 0, null, null));
      List<String> reasons = new ArrayList<>();
      if (r.residentsServed() > 0) {
        reasons.add("Menyalurkan bantuan kepada %s warga dalam %s kali penyerahan%s".formatted(
            number(r.residentsServed()), number(r.handovers()), r.cash() > 0 ? " (tunai " + rupiah(r.cash()) + ")" : ""));
        if (compared && r.residentsServed() == mostServed) {
          reasons.add("Melayani warga terbanyak di antara mitra");
        }
      }
      if (r.medianResponseHours() != null) {
        reasons.add("Memutuskan %s rujukan dengan waktu tanggap median %s jam%s".formatted(number(r.decisions()),
            decimal(r.medianResponseHours()), compared && r.medianResponseHours().equals(fastest)
                ? ", tercepat di antara mitra" : ""));
      }
      if (r.receiptConfirmedShare() != null && compared && r.receiptConfirmedShare().equals(mostComplete)) {
        reasons.add("Data penyaluran paling lengkap: %s penyerahan dikonfirmasi warga"
            .formatted(percent(r.receiptConfirmedShare())));
      }
      int ideas = ideasAdopted.getOrDefault(code, 0);
      if (ideas > 0) {
        reasons.add("Menyumbang ide yang diadopsi dalam rapat evaluasi bersama");
      }
      if (reasons.isEmpty()) {
        reasons.add("Turut serta dalam evaluasi bersama layanan rujukan");
      }
      result.put(code, reasons);
    }
    return result;
  }
}
