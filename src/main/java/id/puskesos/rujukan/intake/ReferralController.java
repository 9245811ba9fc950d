package id.puskesos.rujukan.intake;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.ConcurrentChange;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.referral.FullNikReads;
import id.puskesos.rujukan.referral.ReferralQueries;
import id.puskesos.rujukan.referral.ReferralSearch;
import id.puskesos.rujukan.referral.ReferralView;

/** A case over HTTP: read it, its letters and (for those who may) its resident's full NIK; or record a withdrawal. */
@RestController
@RequestMapping("/api/referrals")
public class ReferralController {

  private final ReferralQueries queries;
  private final ReferralSearch search;
  private final WithdrawalService withdrawalService;
  private final Roles roles;
  private final Actors actors;
  private final FullNikReads fullNikReads;

  public ReferralController(ReferralQueries queries, ReferralSearch search, WithdrawalService withdrawalService,
      Roles roles, Actors actors, FullNikReads fullNikReads) {
    this.queries = queries;
    this.search = search;
    this.actors = actors;
    this.fullNikReads = fullNikReads;
    this.withdrawalService = withdrawalService;
    this.roles = roles;
  }

  /**
   * Cases the caller may see, newest first: by number, NIK, KK, name, RT/RW, status and Puskesos (kelurahan code),
   * or all of them through {@code q} (one search box); {@code page} from 0, {@code size} 1 to 100.
   */
  @GetMapping
  public ReferralSearch.Page search(@RequestParam(required = false) String q,
      @RequestParam(required = false) String number, @RequestParam(required = false) String nik,
      @RequestParam(required = false) String kk, @RequestParam(required = false) String name,
      @RequestParam(required = false) String rt, @RequestParam(required = false) String rw,
      @RequestParam(required = false) String status, @RequestParam(required = false) String page,
      @RequestParam(required = false) String size, @RequestParam(required = false) String puskesos) {
    return search.search(new ReferralSearch.Criteria(q, number, nik, kk, name, rt, rw, status, page, size, puskesos),
        actors.current());
  }

  @GetMapping("/{referralNumber}")
  public ReferralView get(@PathVariable String referralNumber) {
    return queries.view(referralNumber);
  }

  /** The recommendation letter issued for a program of the case, as the resident received it. */
  @GetMapping(path = "/{referralNumber}/letters/{programCode}", produces = MediaType.APPLICATION_PDF_VALUE)
  public ResponseEntity<byte[]> letter(@PathVariable String referralNumber, @PathVariable String programCode) {
    byte[] pdf = queries.letter(referralNumber, programCode);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename("surat-rekomendasi-%s-%s.pdf".formatted(referralNumber, programCode)).build().toString())
        .body(pdf);
  }

  /**
   * The resident's full NIK, for Puskesos staff and the staff of a partner that looks residents up by NIK (Dinas
   * Sosial) on a case sent to it; 403 for other roles and partners. Every read is in the access log.
   */
  @GetMapping("/{referralNumber}/resident/nik")
  public FullNikReads.FullNik fullNik(@PathVariable String referralNumber) {
    return fullNikReads.read(referralNumber);
  }

  /** Closes the open case as withdrawn; 409 when it is already closed. */
  @PostMapping("/{referralNumber}/withdrawal")
  public ReferralView withdraw(@PathVariable String referralNumber, @RequestBody WithdrawalRequest request) {
    roles.require("petugas Puskesos", Groups.FRONT_OFFICE, Groups.BACK_OFFICE, Groups.KOORDINATOR);
    ConcurrentChange.retry(() -> {
      withdrawalService.withdraw(referralNumber, request.reason());
      return null;
    });
    return queries.view(referralNumber);
  }

  public record WithdrawalRequest(String reason) {
  }
}
