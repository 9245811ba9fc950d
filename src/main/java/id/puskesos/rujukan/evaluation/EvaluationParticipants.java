package id.puskesos.rujukan.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.report.PeriodData;
import id.puskesos.rujukan.tenant.Puskesos;
import id.puskesos.rujukan.tenant.PuskesosDirectory;

/**
 * Who takes part in an evaluation: in a Puskesos's, its team and each partner of the catalogue; in the city's, the
 * city SLRT and each partner (the Puskesos bring their own evaluations' packs, set side by side). Their names and
 * groups; participatory-evaluation.bpmn's feedback tasks read it: {@code ${evaluationParticipants.groupsOf(participant)}}.
 * An action item of the city's evaluation may be addressed to one Puskesos: its owner is then
 * {@code puskesos:<kelurahan code>} (stored as {@code owner_tenant}), followed up by the city SLRT.
 */
@Component("evaluationParticipants")
public class EvaluationParticipants {

  /** The Puskesos team as a participant; the partners take part under their catalogue codes. */
  public static final String PUSKESOS = "PUSKESOS";
  /** The city SLRT, a participant of the city's evaluation. */
  public static final String SLRT = "SLRT";
  /** The owner prefix of an action item addressed to one Puskesos's koordinator. */
  public static final String PUSKESOS_OWNER = "puskesos:";
  private static final String SLRT_NAME = "SLRT Kota Bandung";
  private static final List<String> PUSKESOS_GROUPS = Groups.PUSKESOS_STAFF;
  private static final Map<String, String> PUSKESOS_GROUP_NAMES = Map.of(Groups.KOORDINATOR, "Koordinator Puskesos",
      Groups.BACK_OFFICE, "Back office Puskesos", Groups.FASILITATOR, "Fasilitator Puskesos", Groups.FRONT_OFFICE,
      "Front office Puskesos", Groups.SLRT, SLRT_NAME);

  private final PeriodData periodData;
  private final PuskesosDirectory directory;
  private final JdbcClient jdbc;

  public EvaluationParticipants(PeriodData periodData, PuskesosDirectory directory, JdbcClient jdbc) {
    this.periodData = periodData;
    this.directory = directory;
    this.jdbc = jdbc;
  }

  /** A Puskesos's evaluation's participants. */
  public List<String> participants() {
    return participants(null);
  }

  /** The participants of an evaluation of this scope (a Puskesos, or the city). */
  public List<String> participants(String scope) {
    List<String> codes = new ArrayList<>(List.of(EvaluationScopes.isCity(scope) ? SLRT : PUSKESOS));
    periodData.partners().forEach(p -> codes.add(p.code()));
    return codes;
  }

  /** The scope of a stored evaluation. */
  public String scopeOf(long evaluationId) {
    return jdbc.sql("SELECT scope FROM evaluation WHERE id = ?").param(evaluationId).query(String.class).optional()
        .orElseThrow(() -> new NotFoundException("Evaluasi " + evaluationId + " tidak ditemukan"));
  }

  public List<Partner> partners() {
    return periodData.partners();
  }

  /**
   * Every group that takes part: a Puskesos's roles (the city's: the city SLRT and every Puskesos's koordinator) and
   * each partner's staff.
   */
  public List<String> groups(String scope) {
    List<String> groups = new ArrayList<>(EvaluationScopes.isCity(scope)
        ? List.of(Groups.SLRT, Groups.KOORDINATOR) : PUSKESOS_GROUPS);
    periodData.partners().forEach(p -> groups.add(p.group()));
    return groups;
  }

  /** The candidate groups of a participant's feedback task. */
  public String groupsOf(String participant) {
    if (SLRT.equals(participant)) {
      return Groups.SLRT;
    }
    return PUSKESOS.equals(participant) ? String.join(",", PUSKESOS_GROUPS) : partner(participant).group();
  }

  public String nameOf(String participant) {
    if (SLRT.equals(participant)) {
      return SLRT_NAME;
    }
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

  /** The name of a group that can own an action item (or of the Puskesos whose koordinator owns it). */
  public String groupName(String group) {
    if (group != null && group.startsWith(PUSKESOS_OWNER)) {
      String tenant = group.substring(PUSKESOS_OWNER.length());
      return "Koordinator " + directory.find(tenant).map(Puskesos::title).orElse("Puskesos " + tenant);
    }
    if (PUSKESOS_GROUP_NAMES.containsKey(group)) {
      return PUSKESOS_GROUP_NAMES.get(group);
    }
    return periodData.partners().stream().filter(p -> p.group().equals(group)).map(Partner::name).findFirst()
        .orElse(group);
  }

  /** A Puskesos's evaluation's action item owners. */
  public Map<String, String> ownerOptions() {
    return ownerOptions(null);
  }

  /**
   * The groups that can own an action item, with their names: in a Puskesos's evaluation its roles and the partners;
   * in the city's, the city SLRT, each Puskesos (its koordinator) and the partners.
   */
  public Map<String, String> ownerOptions(String scope) {
    Map<String, String> options = new LinkedHashMap<>();
    if (EvaluationScopes.isCity(scope)) {
      options.put(Groups.SLRT, SLRT_NAME);
      directory.all().forEach(p -> options.put(PUSKESOS_OWNER + p.tenantId(), p.title()));
    } else {
      PUSKESOS_GROUPS.forEach(g -> options.put(g, PUSKESOS_GROUP_NAMES.get(g)));
    }
    periodData.partners().forEach(p -> options.put(p.group(), p.name()));
    return options;
  }

  private Partner partner(String code) {
    return periodData.partners().stream().filter(p -> p.code().equals(code)).findFirst()
        .orElseThrow(() -> new NotFoundException("Mitra " + code + " tidak dikenal"));
  }
}
