package id.puskesos.rujukan.partner;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.ConcurrentChange;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.referral.ReferralQueries;
import id.puskesos.rujukan.referral.ReferralView;

/** {@code POST /api/referrals/{number}/programs}: the back office or the koordinator adds a program by hand. */
@RestController
@RequestMapping("/api/referrals")
public class ProgramAdditionController {

  private final ProgramAdditions additions;
  private final ReferralQueries queries;
  private final Roles roles;
  private final Actors actors;

  public ProgramAdditionController(ProgramAdditions additions, ReferralQueries queries, Roles roles, Actors actors) {
    this.additions = additions;
    this.queries = queries;
    this.roles = roles;
    this.actors = actors;
  }

  /** Adds the program (for one of the case's needs, optionally) with the reason; answers the case as it now stands. */
  @PostMapping("/{referralNumber}/programs")
  public ReferralView add(@PathVariable String referralNumber, @RequestBody Addition addition) {
    roles.require("back office atau koordinator", Groups.BACK_OFFICE, Groups.KOORDINATOR);
    ConcurrentChange.retry(() -> {
      additions.add(referralNumber, addition.programCode(), addition.need(), addition.reason(), actors.current());
      return null;
    });
    return queries.view(referralNumber);
  }

  public record Addition(String programCode, String need, String reason) {
  }
}
