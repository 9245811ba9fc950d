package id.puskesos.rujukan.simulation;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.report.CsvReport;

/**
 * The what-if simulations over HTTP (docs/simulation.md): run one for a past period with the deployed table and
 * budget top-ups, read it, and its per-program comparison as CSV. For the analyst, the koordinator and the manager; the
 * masked list of who gains or loses a program only for the koordinator.
 */
@RestController
public class SimulationController {

  private static final String WHO = "analis, koordinator dan manajer";
  private static final Locale INDONESIA = Locale.forLanguageTag("id-ID");

  /** A budget the what-if adds: program, period as the program names it, amount in its unit. */
  public record TopUpBody(String programCode, String period, Long amount) {
  }

  /** A what-if for cases received from {@code from} to {@code to} (ISO days, at most a year), with top-ups. */
  public record RunBody(String from, String to, List<TopUpBody> topUps) {
  }

  private final WhatIf whatIf;
  private final Roles roles;
  private final Actors actors;
  private final IdentityService identityService;
  private final CsvReport csv;

  SimulationController(WhatIf whatIf, Roles roles, Actors actors, IdentityService identityService, CsvReport csv) {
    this.whatIf = whatIf;
    this.roles = roles;
    this.actors = actors;
    this.identityService = identityService;
    this.csv = csv;
  }

  @PostMapping("/api/simulations")
  public ResponseEntity<Simulation> run(@RequestBody RunBody body) {
    roles.require(WHO, Groups.ANALIS, Groups.KOORDINATOR, Groups.MANAJER);
    Checks checks = new Checks();
    var from = checks.date("from", body.from(), "Tanggal awal periode", true);
    var to = checks.date("to", body.to(), "Tanggal akhir periode", true);
    List<WhatIf.TopUp> topUps = new ArrayList<>();
    List<TopUpBody> given = body.topUps() == null ? List.of() : body.topUps();
    for (int i = 0; i < given.size(); i++) {
      TopUpBody t = given.get(i);
      checks.check(t != null && t.amount() != null, "topUps[" + i + "].amount", "Jumlah tambahan anggaran wajib diisi");
      if (t != null && t.amount() != null) {
        topUps.add(new WhatIf.TopUp(t.programCode(), t.period(), t.amount()));
      }
    }
    checks.throwIfAny();
    Simulation simulation = whatIf.run(new WhatIf.Request(from, to, null, topUps, null), actors.current());
    return ResponseEntity.status(HttpStatus.CREATED).body(shown(simulation));
  }

  @GetMapping("/api/simulations/{id}")
  public Simulation get(@PathVariable long id) {
    roles.require(WHO, Groups.ANALIS, Groups.KOORDINATOR, Groups.MANAJER);
    return shown(find(id));
  }

  /** One row per program, actual beside what-if, with Indonesian headers. */
  @GetMapping("/api/simulations/{id}/csv")
  public ResponseEntity<byte[]> csv(@PathVariable long id) {
    roles.require(WHO, Groups.ANALIS, Groups.KOORDINATOR, Groups.MANAJER);
    Simulation simulation = find(id);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"simulasi-" + id + ".csv\"")
        .body(csv.render(table(simulation.report())));
  }

  static id.puskesos.rujukan.report.Report.Table table(Report report) {
    List<String> columns = List.of("Kode program", "Program", "Mitra", "Kasus (nyata)", "Kasus (simulasi)",
        "Kebutuhan anggaran (nyata)", "Kebutuhan anggaran (simulasi)", "Daftar tunggu (nyata)",
        "Daftar tunggu (simulasi)", "Rata-rata tunggu hari (nyata)", "Rata-rata tunggu hari (simulasi)", "Satuan");
    List<List<String>> rows = new ArrayList<>();
    for (Report.ProgramRow p : report.programs()) {
      rows.add(List.of(p.programCode(), p.programName(), p.partnerName(), number(p.casesActual()),
          number(p.casesWhatIf()), perMonth(p.neededActual()), perMonth(p.neededWhatIf()),
          p.budgeted() ? number(p.waitingActual()) : "", p.budgeted() ? number(p.waitingWhatIf()) : "",
          days(p.meanWaitDaysActual()), days(p.meanWaitDaysWhatIf()), p.unit() == null ? "" : p.unit()));
    }
    return new id.puskesos.rujukan.report.Report.Table("simulasi-per-program", "Simulasi per program", columns, rows,
        null);
  }

  private Simulation find(long id) {
    return whatIf.find(id).orElseThrow(() -> new NotFoundException("Simulasi " + id + " tidak ditemukan"));
  }

  /** The koordinator (and administrators) see the masked list of who gains or loses; others do not. */
  private Simulation shown(Simulation simulation) {
    Authentication authentication = identityService.getCurrentAuthentication();
    List<String> groups = authentication == null || authentication.getGroupIds() == null ? List.of()
        : authentication.getGroupIds();
    return groups.contains(Groups.KOORDINATOR) || groups.contains(Groups.ADMIN) ? simulation
        : simulation.withoutChanges();
  }

  private static String perMonth(Map<String, Long> amounts) {
    List<String> parts = new ArrayList<>();
    for (String month : new TreeSet<>(amounts.keySet())) {
      parts.add(month + ": " + NumberFormat.getIntegerInstance(INDONESIA).format(amounts.get(month)));
    }
    return String.join("; ", parts);
  }

  private static String number(int n) {
    return Integer.toString(n);
  }

  private static String days(Double days) {
    return days == null ? "" : String.format(INDONESIA, "%.1f", days);
  }
}
