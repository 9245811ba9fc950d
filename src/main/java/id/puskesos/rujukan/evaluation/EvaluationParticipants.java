package id.puskesos.rujukan.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.report.PeriodData;

/**
 * Who takes part in an evaluation: the Puskesos team and each partner of the catalogue, their names and groups.
 * participatory-evaluation.bpmn's feedback tasks read it: {@code ${evaluationParticipants.groupsOf(participant)}}.
 */
@Component("evaluationParticipants")
public class EvaluationParticipants {

  /** The Puskesos team as a participant; the partners take part under their catalogue codes. */
  public static final String PUSKESOS = "PUSKESOS";
  private static final List<String> PUSKESOS_GROUPS = Groups.PUSKESOS_STAFF;
  private static final Map<String, String> PUSKESOS_GROUP_NAMES = Map.of(Groups.KOORDINATOR, "Koordinator Puskesos",
      Groups.BACK_OFFICE, "Back office Puskesos", Groups.FASILITATOR, "Fasilitator Puskesos", Groups.FRONT_OFFICE,
      "Front office Puskesos");

  private final PeriodData periodData;

  public EvaluationParticipants(PeriodData periodData) {
    this.periodData = periodData;
  }

  public List<String> participants() {
    List<String> codes = new ArrayList<>(List.of(PUSKESOS));
    periodData.partners().forEach(p -> codes.add(p.code()));
    return codes;
  }

  public List<Partner> partners() {
    return periodData.partners();
  }

  /** Every group that takes part: the Puskesos roles and each partner's staff. */
  public List<String> groups() {
    List<String> groups = new ArrayList<>(PUSKESOS_GROUPS);
    periodData.partners().forEach(p -> groups.add(p.group()));
    return groups;
  }

  /** The candidate groups of a participant's feedback task. */
  public String groupsOf(String participant) {
    return PUSKESOS.equals(participant) ? String.join(",", PUSKESOS_GROUPS) : partner(participant).group();
  }

  public String nameOf(String participant) {
    return PUSKESOS.equals(participant) ? "Tim Puskesos" : partner(participant).name();
  }

  /** The participant's name, or its code when the partner has left the catalogue since. */
  public String safeName(String participant) {
    try {
      return nameOf(participant);
    } catch (NotFoundException e) {
      return participant;
    }
  }

  /** The name of a group that can own an action item. */
  public String groupName(String group) {
    if (PUSKESOS_GROUP_NAMES.containsKey(group)) {
      return PUSKESOS_GROUP_NAMES.get(group);
    }
    return periodData.partners().stream().filter(p -> p.group().equals(group)).map(Partner::name).findFirst()
        .orElse(group);
  }

  /** The groups that can own an action item, with their names. */
  public Map<String, String> ownerOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    PUSKESOS_GROUPS.forEach(g -> options.put(g, PUSKESOS_GROUP_NAMES.get(g)));
    periodData.partners().forEach(p -> options.put(p.group(), p.name()));
    return options;
  }

  private Partner partner(String code) {
    return periodData.partners().stream().filter(p -> p.code().equals(code)).findFirst()
        .orElseThrow(() -> new NotFoundException("Mitra " + code + " tidak dikenal"));
  }
}
