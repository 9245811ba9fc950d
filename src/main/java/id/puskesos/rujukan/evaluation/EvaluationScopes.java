package id.puskesos.rujukan.evaluation;

import static id.puskesos.rujukan.process.EvaluationProcess.Variables.PUSKESOS_CODE;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.common.ForbiddenException;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.tenant.Letterhead;
import id.puskesos.rujukan.tenant.PuskesosDirectory;

/**
 * What an evaluation covers: one Puskesos (its tenant id) with its partners, or the city ({@link #CITY}) with every
 * Puskesos. A Puskesos's evaluation runs in an instance of its tenant (its koordinator's start, or the schedule's);
 * an instance without a tenant is the city's, which only the city SLRT or an administrator opens.
 */
@Component
public class EvaluationScopes {

  /** The scope of the city's evaluation. */
  public static final String CITY = "KOTA";

  private final PuskesosDirectory directory;
  private final IdentityService identityService;
  private final CaseAccess caseAccess;

  public EvaluationScopes(PuskesosDirectory directory, IdentityService identityService, CaseAccess caseAccess) {
    this.directory = directory;
    this.identityService = identityService;
    this.caseAccess = caseAccess;
  }

  /**
   * The scope of an evaluation opened in an instance of {@code tenantId} (null: none), for the Puskesos
   * {@code named} ({@code puskesosCode}, if given), started by {@code initiator} (null: the application).
   */
  public String of(String tenantId, String named, String initiator) {
    String code = named == null || named.isBlank() ? null : named.trim();
    if (tenantId != null) {
      if (code != null && !code.equals(tenantId)) {
        throw new ForbiddenException("Anda bukan petugas Puskesos " + code);
      }
      return tenantId;
    }
    if (code != null) {
      throw new InvalidInputException(PUSKESOS_CODE.name(),
          "Evaluasi Puskesos dibuka koordinatornya atau oleh jadwal, tidak dari akun lintas Puskesos");
    }
    if (initiator != null && identityService.createUserQuery().userId(initiator)
        .memberOfGroup(Groups.SLRT).count() == 0 && identityService.createUserQuery().userId(initiator)
        .memberOfGroup(Groups.ADMIN).count() == 0) {
      throw new ForbiddenException("Evaluasi tingkat kota dibuka oleh SLRT kota atau administrator");
    }
    return CITY;
  }

  public static boolean isCity(String scope) {
    return CITY.equals(scope);
  }

  /** The Puskesos whose cases the figures count; null for the city (all of them). */
  public static String tenantOf(String scope) {
    return isCity(scope) ? null : scope;
  }

  /** Whether the caller may read an evaluation of this scope: the city's, or one of their own Puskesos. */
  public boolean readable(String scope) {
    return isCity(scope) || caseAccess.reaches(scope);
  }

  public Letterhead letterhead(String scope) {
    return isCity(scope) ? Letterhead.city() : Letterhead.of(directory.of(scope));
  }

  /** How the pack's subtitle names it: "Puskesos Kelurahan Dago" or "Kota Bandung (semua Puskesos)". */
  public String title(String scope) {
    return isCity(scope) ? "Kota Bandung (semua Puskesos)" : "Puskesos Kelurahan " + directory.of(scope).name();
  }
}
