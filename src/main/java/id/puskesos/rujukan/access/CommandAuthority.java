package id.puskesos.rujukan.access;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.ForbiddenException;
import id.puskesos.rujukan.common.Groups;

/**
 * Whether the user acting may give this command on a case: a partner's decision and handover only by the staff of
 * the program's partner, each Puskesos task only by its role. The engine's task grants alone do not decide it: a
 * grant given by mistake, or a task handed to someone else, must not let another organisation decide. Checked by the
 * services, so every door (Tasklist, REST, Java) meets it; a refusal rolls the completion back and the task stays.
 */
@Component
public class CommandAuthority {

  private final IdentityService identityService;
  private final ProgramCatalogue catalogue;

  public CommandAuthority(IdentityService identityService, ProgramCatalogue catalogue) {
    this.identityService = identityService;
    this.catalogue = catalogue;
  }

  /**
   * Passes when the acting user is in one of the groups, or is an administrator (who administers every process and
   * is recorded as the one who acted), or when nobody is signed in: the engine's own steps (timers, jobs) and the
   * application's, whose callers were checked before. Otherwise 403, e.g. "Keputusan rujukan BPNT / Sembako hanya
   * untuk petugas Dinas Sosial Kota Bandung".
   */
  public void require(String command, String who, String... groups) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return;
    }
    List<String> mine = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (mine.contains(Groups.ADMIN)) {
      return;
    }
    for (String group : groups) {
      if (mine.contains(group)) {
        return;
      }
    }
    throw new ForbiddenException("%s hanya untuk %s".formatted(command, who));
  }

  /** As {@link #require}, for a command only the staff of the program's partner give (its decision, its handover). */
  public void requirePartnerStaff(String command, Program program) {
    if (identityService.getCurrentAuthentication() == null) {
      return;
    }
    Partner partner = catalogue.partnerOf(program);
    require(command, "petugas " + partner.name(), partner.group());
  }
}
