package id.puskesos.rujukan.referral;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.intake.WithdrawalService;

/** A case over HTTP: read it, or record that the resident withdrew. */
@RestController
@RequestMapping("/api/referrals")
public class ReferralController {

  private final ReferralQueries queries;
  private final WithdrawalService withdrawalService;

  public ReferralController(ReferralQueries queries, WithdrawalService withdrawalService) {
    this.queries = queries;
    this.withdrawalService = withdrawalService;
  }

  @GetMapping("/{referralNumber}")
  public ReferralView get(@PathVariable String referralNumber) {
    return queries.view(referralNumber);
  }

  /** Closes the open case as withdrawn; 409 when it is already closed. */
  @PostMapping("/{referralNumber}/withdrawal")
  public ReferralView withdraw(@PathVariable String referralNumber, @RequestBody WithdrawalRequest request) {
    withdrawalService.withdraw(referralNumber, request.reason());
    return queries.view(referralNumber);
  }

  public record WithdrawalRequest(String reason) {
  }
}
