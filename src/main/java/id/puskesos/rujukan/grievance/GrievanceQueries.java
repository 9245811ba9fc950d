package id.puskesos.rujukan.grievance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.ForbiddenException;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.common.NotFoundException;

/**
 * Reading grievances, each organisation its own part: the koordinator, the manager and administrators see every
 * grievance; a partner's staff only those about their organisation (another's does not exist for them: 404); the
 * other Puskesos groups open grievances but do not read them back (a complaint may be about one of them).
 */
@Component
@Transactional(readOnly = true)
public class GrievanceQueries {

  private static final List<String> SEE_ALL = List.of(Groups.KOORDINATOR, Groups.MANAJER, Groups.ADMIN);
  private static final String SELECT = """
      SELECT grievance_number, referral_number, kind, channel, complaint_text, about_code, status, received_at,
             received_by, process_instance_id, finding, action_taken, outcome, resident_informed, resolved_at,
             resolved_by, partner_answer, partner_answered_at FROM grievance""";

  private final JdbcClient jdbc;
  private final ProgramCatalogue catalogue;
  private final IdentityService identityService;

  public GrievanceQueries(JdbcClient jdbc, ProgramCatalogue catalogue, IdentityService identityService) {
    this.jdbc = jdbc;
    this.catalogue = catalogue;
    this.identityService = identityService;
  }

  /** The grievance, whoever asks (for the services, which check the command's authority themselves). */
  public Grievance get(String number) {
    return jdbc.sql(SELECT + " WHERE grievance_number = ?").param(number).query(this::map).optional()
        .orElseThrow(() -> new NotFoundException("Keluhan " + number + " tidak ditemukan"));
  }

  /** The grievance if the caller may see it, else 404. */
  public Grievance find(String number) {
    Grievance grievance = get(number);
    Set<String> visible = visibleOrganisations();
    if (visible != null && !visible.contains(grievance.aboutCode())) {
      throw new NotFoundException("Keluhan " + number + " tidak ditemukan");
    }
    return grievance;
  }

  /** The grievances the caller may see, newest first. */
  public List<Grievance> list() {
    Set<String> visible = visibleOrganisations();
    if (visible == null) {
      return jdbc.sql(SELECT + " ORDER BY received_at DESC, grievance_number DESC").query(this::map).list();
    }
    if (visible.isEmpty()) {
      throw new ForbiddenException("Daftar keluhan hanya untuk koordinator, manajer dan mitra (keluhan tentang "
          + "lembaganya)");
    }
    return jdbc.sql(SELECT + " WHERE about_code IN (:codes) ORDER BY received_at DESC, grievance_number DESC")
        .param("codes", visible).query(this::map).list();
  }

  /** The name of the organisation a grievance is about. */
  public String organisationName(String code) {
    if (Grievance.PUSKESOS.equals(code)) {
      return Grievance.PUSKESOS_NAME;
    }
    return catalogue.findPartner(code).map(Partner::name).orElse(code);
  }

  /** Null: every organisation (or the engine itself, no user); else the caller's partners' codes. */
  private Set<String> visibleOrganisations() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return null;
    }
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (groups.stream().anyMatch(SEE_ALL::contains)) {
      return null;
    }
    return catalogue.partners().stream().filter(p -> groups.contains(p.group())).map(Partner::code)
        .collect(Collectors.toSet());
  }

  private Grievance map(ResultSet rs, int row) throws SQLException {
    GrievanceKind kind = GrievanceKind.valueOf(rs.getString("kind"));
    GrievanceChannel channel = GrievanceChannel.valueOf(rs.getString("channel"));
    String outcomeCode = rs.getString("outcome");
    GrievanceOutcome outcome = outcomeCode == null ? null : GrievanceOutcome.valueOf(outcomeCode);
    String about = rs.getString("about_code");
    return new Grievance(rs.getString("grievance_number"), rs.getString("referral_number"), kind, kind.label(),
        channel, channel.label(), rs.getString("complaint_text"), about, organisationName(about),
        rs.getString("status"), rs.getObject("received_at", OffsetDateTime.class), rs.getString("received_by"),
        rs.getString("process_instance_id"), rs.getString("finding"), rs.getString("action_taken"), outcome,
        outcome == null ? null : outcome.label(), (Boolean) rs.getObject("resident_informed", Boolean.class),
        rs.getObject("resolved_at", OffsetDateTime.class), rs.getString("resolved_by"),
        rs.getString("partner_answer"), rs.getObject("partner_answered_at", OffsetDateTime.class));
  }
}
