package id.puskesos.rujukan.tenant;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.common.Actors;

/** {@code POST /api/referrals/{number}/handover}: the open case goes to the Puskesos the resident moved to. */
@RestController
public class CaseHandoverController {

  private final CaseHandover handover;
  private final Actors actors;

  public CaseHandoverController(CaseHandover handover, Actors actors) {
    this.handover = handover;
    this.actors = actors;
  }

  /** 200 with the case's number and the Puskesos that holds it now (the caller no longer sees the case itself). */
  @PostMapping("/api/referrals/{number}/handover")
  public HandedOver handOver(@PathVariable String number, @RequestBody CaseHandover.Request request) {
    Puskesos now = handover.handOver(number, request, actors.current());
    return new HandedOver(number, now.tenantId(), now.title());
  }

  public record HandedOver(String referralNumber, String puskesos, String puskesosName) {
  }
}
