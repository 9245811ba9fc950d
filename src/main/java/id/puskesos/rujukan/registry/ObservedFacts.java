package id.puskesos.rujukan.registry;

import java.util.LinkedHashMap;
import java.util.Map;

import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.process.CaseVariables;

/**
 * What a fasilitator sees on a visit (field verification or re-verification) and enters as the record's facts:
 * address, RT/RW, phone, DTKS/DTSEN status if they could check it, deceased, moved away. Validated the same way
 * wherever entered; {@link #asCorrections} gives the fields for {@link Registry#correct}.
 */
public record ObservedFacts(String address, String rt, String rw, String phone, DtksStatus dtksStatus, Integer desil,
    boolean deceased, boolean movedAway) {

  /** Reads the form's values; problems go to the checks (field names as on the visit forms). */
  public static ObservedFacts read(Checks checks, String address, String rt, String rw, String phone,
      String dtksStatus, Long desil, boolean deceased, boolean movedAway) {
    String a = checks.required(CaseVariables.CORRECTED_ADDRESS.name(), address, "Alamat");
    checks.check(a == null || a.length() <= 200, CaseVariables.CORRECTED_ADDRESS.name(),
        "Alamat paling banyak 200 karakter");
    String normalisedRt = ContactRules.rtRw(checks, CaseVariables.CORRECTED_RT.name(), rt, "RT");
    String normalisedRw = ContactRules.rtRw(checks, CaseVariables.CORRECTED_RW.name(), rw, "RW");
    String normalisedPhone = ContactRules.phone(checks, CaseVariables.CORRECTED_PHONE.name(), phone);
    DtksStatus dtks = dtksStatus == null ? null
        : checks.oneOf(DtksStatus.class, CaseVariables.DTKS_STATUS.name(), dtksStatus, "Status DTKS/DTSEN");
    if (dtks == DtksStatus.LISTED) {
      checks.check(desil != null && desil >= 1 && desil <= 10, CaseVariables.DESIL.name(),
          "Desil harus 1 sampai 10 untuk warga yang terdaftar");
    }
    return new ObservedFacts(a, normalisedRt, normalisedRw, normalisedPhone, dtks,
        dtks == DtksStatus.LISTED && desil != null ? desil.intValue() : null, deceased, movedAway);
  }

  /** The fields to correct: a phone or DTKS status left empty leaves the record's value as it is. */
  public Map<ResidentField, Object> asCorrections() {
    Map<ResidentField, Object> facts = new LinkedHashMap<>();
    facts.put(ResidentField.ADDRESS, address);
    facts.put(ResidentField.RT, rt);
    facts.put(ResidentField.RW, rw);
    if (phone != null) {
      facts.put(ResidentField.PHONE, phone);
    }
    facts.put(ResidentField.DECEASED, deceased);
    facts.put(ResidentField.MOVED_AWAY, movedAway);
    if (dtksStatus != null) {
      facts.put(ResidentField.DTKS_STATUS, dtksStatus);
      facts.put(ResidentField.DESIL, desil);
    }
    return facts;
  }
}
