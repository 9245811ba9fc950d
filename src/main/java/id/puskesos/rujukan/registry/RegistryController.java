package id.puskesos.rujukan.registry;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.common.PersonalData;
import jakarta.servlet.http.HttpServletRequest;

/** The registry over HTTP: DTKS/DTSEN imports (the operator's), a resident's record and history, the figures. */
@RestController
@RequestMapping("/api/registry")
public class RegistryController {

  private final RegistryImports imports;
  private final DtksImporter importer;
  private final Registry registry;
  private final NationalMemberships memberships;
  private final RegistryFigures figures;
  private final Consents consents;
  private final AccessLog accessLog;
  private final ResidentData residentData;
  private final Roles roles;
  private final Actors actors;
  private final CaseAccess caseAccess;

  public RegistryController(RegistryImports imports, DtksImporter importer, Registry registry,
      NationalMemberships memberships, RegistryFigures figures, Consents consents, AccessLog accessLog,
      ResidentData residentData, Roles roles, Actors actors, CaseAccess caseAccess) {
    this.caseAccess = caseAccess;
    this.imports = imports;
    this.memberships = memberships;
    this.importer = importer;
    this.registry = registry;
    this.figures = figures;
    this.consents = consents;
    this.accessLog = accessLog;
    this.residentData = residentData;
    this.roles = roles;
    this.actors = actors;
  }

  /** Upload of an extract as the request body ({@code text/csv}); 202 with the import to poll. */
  @PostMapping(path = "/imports", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE,
      MediaType.APPLICATION_OCTET_STREAM_VALUE})
  public ResponseEntity<Map<String, Object>> upload(HttpServletRequest request,
      @RequestParam(name = "name", defaultValue = "dtks.csv") String name) throws IOException {
    roles.require("operator Puskesos (front office)", Groups.FRONT_OFFICE);
    long importId = imports.importUpload(request.getInputStream(), name, actors.current());
    return ResponseEntity.accepted().location(URI.create("/api/registry/imports/" + importId))
        .body(Map.of("importId", importId, "status", "RUNNING"));
  }

  @GetMapping("/imports/{importId}")
  public DtksImporter.Summary importStatus(@PathVariable long importId) {
    roles.require("operator Puskesos (front office) dan manajer", Groups.FRONT_OFFICE, Groups.MANAJER);
    return importer.summary(importId);
  }

  /** The rejects report: row number, masked NIK, reason; the operator fixes the rows in the source file. */
  @GetMapping(path = "/imports/{importId}/rejects", produces = "text/csv")
  public String rejects(@PathVariable long importId) {
    roles.require("operator Puskesos (front office)", Groups.FRONT_OFFICE);
    importer.summary(importId);
    return importer.rejectsCsv(importId);
  }

  /**
   * A resident's record and its correction history, with the national programs the household is a member of now
   * and their history (from the DTKS/DTSEN extracts); the NIK and the KKS number appear masked.
   */
  @GetMapping("/residents/{residentId}")
  public Map<String, Object> resident(@PathVariable long residentId) {
    roles.require("petugas Puskesos", Groups.FRONT_OFFICE, Groups.BACK_OFFICE, Groups.FASILITATOR,
        Groups.KOORDINATOR, Groups.MANAJER);
    caseAccess.requireResident(residentId);
    Resident r = registry.get(residentId);
    accessLog.record(residentId, AccessLog.Purpose.RECORD_VIEW, null, actors.current());
    List<ResidentChange> history = registry.history(residentId);
    return Map.ofEntries(Map.entry("id", r.id()), Map.entry("nikMasked", PersonalData.maskNik(r.nik())),
        Map.entry("name", r.fullName()), Map.entry("household", registry.household(r.kkNumber()).size()),
        Map.entry("nationalPrograms", memberships.current(r.kkNumber())),
        Map.entry("nationalProgramHistory", memberships.history(r.kkNumber())), Map.entry(
"dtksStatus", r.dtksStatus() == null ? "UNKNOWN" : r.dtksStatus().name()),
        Map.entry("desil", r.desil() == null ? 0 : r.desil()),
        Map.entry("verifiedAt", r.verifiedAt() == null ? "" : r.verifiedAt().toString()),
        Map.entry("active", r.active()), Map.entry("history", history));
  }

  /**
   * The resident's consents: the answers that stand by purpose code, every purpose with its label (sharing with each
   * non-government partner of the catalogue, the contact channels) and its standing answer, and every answer with
   * when and who.
   */
  @GetMapping("/residents/{residentId}/consents")
  public ConsentsView consents(@PathVariable long residentId) {
    roles.require("petugas Puskesos", Groups.FRONT_OFFICE, Groups.BACK_OFFICE, Groups.FASILITATOR,
        Groups.KOORDINATOR, Groups.MANAJER);
    caseAccess.requireResident(residentId);
    registry.get(residentId);
    accessLog.record(residentId, AccessLog.Purpose.CONSENT_VIEW, null, actors.current());
    return new ConsentsView(consents.current(residentId), consents.standing(residentId),
        consents.history(residentId));
  }

  /** Everything held on the resident (their right of access), as JSON; the read is logged. */
  @GetMapping("/residents/{residentId}/export")
  public Map<String, Object> export(@PathVariable long residentId) {
    roles.require("front office dan koordinator Puskesos", Groups.FRONT_OFFICE, Groups.KOORDINATOR);
    caseAccess.requireResident(residentId);
    return residentData.export(residentId, actors.current());
  }

  /** Erases the resident's personal data on their request; 409 while a case runs or retention applies. */
  @PostMapping("/residents/{residentId}/erasure")
  public Map<String, Object> erase(@PathVariable long residentId, @RequestBody ErasureRequest request) {
    roles.require("koordinator Puskesos", Groups.KOORDINATOR);
    caseAccess.requireResident(residentId);
    residentData.erase(residentId, request.reason(), actors.current());
    return Map.of("residentId", residentId, "erased", true);
  }

  public record ErasureRequest(String reason) {
  }

  /**
   * Records the resident's answer for a purpose (given, or withdrawn with how it was asked for): a channel, or
   * {@code SHARE_<partner>} of a non-government partner of the catalogue; any other purpose answers 400 with the
   * valid ones. A withdrawal stops sharing from then on: routing and redirects no longer send the case to that partner.
   */
  @PostMapping("/residents/{residentId}/consents")
  public ConsentsView recordConsent(@PathVariable long residentId, @RequestBody ConsentRequest request) {
    roles.require("petugas Puskesos", Groups.FRONT_OFFICE, Groups.BACK_OFFICE, Groups.FASILITATOR,
        Groups.KOORDINATOR);
    caseAccess.requireResident(residentId);
    registry.get(residentId);
    Checks checks = new Checks();
    String purpose = checks.required("purpose", request.purpose(), "Keperluan");
    checks.check(request.given() != null, "given", "Isi apakah warga setuju (true) atau tidak/mencabut (false)");
    checks.throwIfAny();
    consents.record(residentId, purpose, request.given(), Consents.Source.REQUEST, request.note(), actors.current());
    return consents(residentId);
  }

  public record ConsentRequest(String purpose, Boolean given, String note) {
  }

  public record ConsentsView(Map<String, Boolean> current, List<Consents.Standing> purposes,
      List<Consents.Answer> history) {
  }

  @GetMapping("/figures")
  public RegistryFigures.Figures figures() {
    roles.require("manajer dan koordinator", Groups.MANAJER, Groups.KOORDINATOR);
    return figures.figures();
  }
}
