package id.puskesos.rujukan.referral;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.ForbiddenException;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.registry.AccessLog;
import id.puskesos.rujukan.registry.Registry;
import id.puskesos.rujukan.registry.Resident;

/**
 * The full NIK of a case's resident, for those who must type it into another system: the Puskesos's own staff, and
 * the staff of a partner named in {@code rujukan.personal-data.full-nik-partners} (by default Dinas Sosial, which
 * proposes and looks residents up by NIK in SIKS-NG and DTSEN) on a case sent to that partner. Everyone else sees the
 * masked NIK only (403 here: managers, administrators, the city SLRT, the other partners). Every read goes into the
 * access log (who, when, which case; never the number), before the number leaves.
 */
@Service
@Transactional(readOnly = true)
public class FullNikReads {

  /** Which partners' staff may read the full NIK of their cases, by partner code. */
  @ConfigurationProperties("rujukan.personal-data")
  public record Settings(List<String> fullNikPartners) {
    public Settings {
      fullNikPartners = fullNikPartners == null ? List.of() : List.copyOf(fullNikPartners);
    }
  }

  /** The answer: the case and its resident's NIK. */
  public record FullNik(String referralNumber, String nik) {
  }

  private final CaseFile caseFile;
  private final Registry registry;
  private final ProgramCatalogue catalogue;
  private final CaseAccess caseAccess;
  private final AccessLog accessLog;
  private final IdentityService identityService;
  private final Actors actors;
  private final Settings settings;

  public FullNikReads(CaseFile caseFile, Registry registry, ProgramCatalogue catalogue, CaseAccess caseAccess,
      AccessLog accessLog, IdentityService identityService, Actors actors, Settings settings) {
    this.caseFile = caseFile;
    this.registry = registry;
    this.catalogue = catalogue;
    this.caseAccess = caseAccess;
    this.accessLog = accessLog;
    this.identityService = identityService;
    this.actors = actors;
    this.settings = settings;
  }

  /**
   * The full NIK, logged. 403 for a caller whose role may not read it (before the case is looked at, so the answer
   * tells nothing about the case); 404 for a case not sent to the caller's organisation ({@link CaseAccess}).
   */
  public FullNik read(String number) {
    String readAs = readAs(number);
    Resident resident = registry.get(caseFile.get(number).residentId());
    accessLog.record(resident.id(), AccessLog.Purpose.FULL_NIK,
        "Rujukan %s: NIK lengkap dibaca (%s)".formatted(number, readAs), actors.current());
    return new FullNik(number, resident.nik());
  }

  /** Whether the caller may read the case's full NIK (the case page offers it then); nothing is logged. */
  public boolean mayRead(String number) {
    try {
      readAs(number);
      return true;
    } catch (ForbiddenException e) {
      return false;
    }
  }

  /** As whom the caller reads: Puskesos staff, or the partners the case was sent to; 403 or 404 otherwise. */
  private String readAs(String number) {
    Authentication caller = identityService.getCurrentAuthentication();
    List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    boolean staff = groups.stream().anyMatch(Groups.PUSKESOS_STAFF::contains);
    Map<String, String> partners = catalogue.partners().stream()
        .filter(p -> groups.contains(p.group()) && settings.fullNikPartners().contains(p.code()))
        .collect(Collectors.toMap(Partner::code, Partner::name));
    if (!staff && partners.isEmpty()) {
      throw new ForbiddenException("NIK lengkap hanya dapat dibaca petugas Puskesos dan mitra yang mencari warga "
          + "di sistemnya sendiri dengan NIK (Dinas Sosial untuk SIKS-NG/DTSEN). Gunakan NIK tersamar.");
    }
    caseAccess.require(number);
    String readAs = "petugas Puskesos";
    if (!staff) {
      List<String> sentTo = caseFile.programs(number).stream()
          .filter(p -> p.status().wasReferred() && partners.containsKey(p.partnerCode()))
          .map(ProgramReferral::partnerCode).distinct().toList();
      if (sentTo.isEmpty()) {
        throw new ForbiddenException("NIK lengkap hanya untuk kasus yang dirujuk ke organisasi Anda sebagai mitra "
            + "yang berhak membacanya.");
      }
      readAs = sentTo.stream().map(partners::get).collect(Collectors.joining(", "));
    }
    return readAs;
  }
}
