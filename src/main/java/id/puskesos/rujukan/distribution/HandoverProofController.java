package id.puskesos.rujukan.distribution;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.referral.HandoverProofs;
import id.puskesos.rujukan.referral.ReferralView;

/**
 * Photos and scans of a handover's receipt over HTTP: attach one (multipart/form-data, the file in {@code file}) and
 * read one back. Listed with the program in {@code GET /api/referrals/{n}}.
 */
@RestController
@RequestMapping("/api/referrals/{referralNumber}/programs/{programCode}/handover-proofs")
public class HandoverProofController {

  /**
   * An uploaded file is shown as a file of its own, never as a page of the application: no script, no plugin, no
   * form, no link out, whatever it holds.
   */
  static final String SANDBOX = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

  private final HandoverProofService service;
  private final Actors actors;

  public HandoverProofController(HandoverProofService service, Actors actors) {
    this.service = service;
    this.actors = actors;
  }

  /** 201 with the proof as the case lists it; 400, 403, 404, 409, 413 as {@link HandoverProofService#attach}. */
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<ReferralView.HandoverProof> attach(@PathVariable String referralNumber,
      @PathVariable String programCode, @RequestParam(HandoverProofService.FIELD) MultipartFile file)
      throws IOException {
    HandoverProofs.Proof proof = service.attach(referralNumber, programCode, file.getBytes(), actors.current());
    ReferralView.HandoverProof listed = ReferralView.HandoverProof.of(referralNumber, proof);
    return ResponseEntity.created(URI.create(listed.url())).body(listed);
  }

  /**
   * The file as it was received, with its type: a photo shown in the browser, a PDF downloaded (a browser's PDF
   * viewer does not run under the sandbox policy, and an uploaded PDF is not opened in the application's pages).
   */
  @GetMapping("/{id}")
  public ResponseEntity<byte[]> read(@PathVariable String referralNumber, @PathVariable String programCode,
      @PathVariable long id) {
    HandoverProofService.File file = service.read(referralNumber, programCode, id);
    ContentDisposition disposition = (file.image() ? ContentDisposition.inline() : ContentDisposition.attachment())
        .filename(file.fileName()).build();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header("Content-Security-Policy", SANDBOX)
        .body(file.bytes());
  }
}
