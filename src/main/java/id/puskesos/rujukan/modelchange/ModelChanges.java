package id.puskesos.rujukan.modelchange;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.ConflictException;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.process.ModelChangeProcess;
import id.puskesos.rujukan.process.ModelChangeProcess.Variables;

/**
 * A change of the rules as a case of its own (docs/analyst-guide.md): the analyst submits or revises it, the
 * administrator asks for its deployment; the rest happens in {@code processes/model-change.bpmn}. Who may call each
 * is checked by {@link ModelChangeController}.
 */
@Service
@Transactional
public class ModelChanges {

  /** Files a change may carry: the names of {@code processes/} and {@code forms/}. */
  private static final String FILE_NAME = "[a-z0-9][a-z0-9-]{0,80}\\.(bpmn|dmn|tests\\.json|form)";
  private static final int MAX_FILE_BYTES = 1_000_000;

  private final ModelChangeStore store;
  private final RuntimeService runtimeService;
  private final CaseAccess caseAccess;
  private final Clock clock;

  public ModelChanges(ModelChangeStore store, RuntimeService runtimeService, CaseAccess caseAccess, Clock clock) {
    this.store = store;
    this.runtimeService = runtimeService;
    this.caseAccess = caseAccess;
    this.clock = clock;
  }

  /** Registers the change and starts its process, which checks and simulates it before this returns. */
  public ModelChange submit(ChangeRequest request, String actor) {
    long id = store.insert(proposal(request), actor, clock.instant());
    String number = ModelChange.number(id);
    // the analyst works through this API, not the process: the application starts it on his behalf
    String instance = caseAccess.withoutAuthorization(() -> runtimeService.startProcessInstanceByKey(
        ModelChangeProcess.PROCESS_ID, number, Map.of(Variables.CHANGE_NUMBER.name(), number)).getId());
    store.setProcessInstance(id, instance);
    return store.get(id);
  }

  /** A new revision of a change that failed its checks or was sent back: checked and simulated again. */
  public ModelChange revise(String number, ChangeRequest request, String actor) {
    long id = idOf(number);
    store.revise(id, proposal(request));
    caseAccess.withoutAuthorization(() -> runtimeService.createMessageCorrelation(ModelChangeProcess.MSG_REVISED)
        .processInstanceBusinessKey(number).correlateWithResult());
    return store.get(id);
  }

  /** The administrator's deployment of an approved change; 409 when it is not (or no longer) waiting for one. */
  public ModelChange deploy(String number, String actor) {
    ModelChange change = find(number);
    if (change.status() != ChangeStatus.APPROVED) {
      throw new ConflictException("Perubahan %s tidak menunggu deployment: statusnya %s".formatted(number,
          change.statusLabel()));
    }
    runtimeService.createMessageCorrelation(ModelChangeProcess.MSG_DEPLOY).processInstanceBusinessKey(number)
        .setVariable(Variables.DEPLOYED_BY.name(), actor).correlate();
    return store.get(ModelChange.id(number));
  }

  @Transactional(readOnly = true)
  public ModelChange find(String number) {
    return store.get(idOf(number));
  }

  /** The row of a change number; 404 for a text that is none. */
  private static long idOf(String number) {
    long id = ModelChange.id(number);
    if (id < 0) {
      throw new NotFoundException("Perubahan " + number + " tidak ada");
    }
    return id;
  }

  @Transactional(readOnly = true)
  public List<ModelChange> list() {
    return store.list();
  }

  /** A file of the change, as proposed. */
  @Transactional(readOnly = true)
  public byte[] file(String number, String name) {
    byte[] content = store.files(idOf(number)).get(name);
    if (content == null) {
      throw new NotFoundException("Berkas " + name + " tidak ada di perubahan " + number);
    }
    return content;
  }

  private ModelChangeStore.Proposal proposal(ChangeRequest request) {
    Checks checks = new Checks();
    ChangeKind kind = checks.oneOf(ChangeKind.class, "kind", request.kind(), "Jenis perubahan");
    String reason = checks.required("reason", request.reason(), "Alasan perubahan");
    checks.check(reason == null || reason.length() <= 2000, "reason", "Alasan perubahan paling banyak 2000 huruf");
    if (request.actionItemId() != null) {
      checks.check(store.actionItemExists(request.actionItemId()), "actionItemId",
          "Tindak lanjut evaluasi %d tidak ada".formatted(request.actionItemId()));
    }
    Map<String, byte[]> files = files(request.files(), checks);
    if (kind != null) {
      checkKind(kind, files, request, checks);
    }
    LocalDate to = request.simulateTo() == null ? lastQuarterEnd() : request.simulateTo();
    LocalDate from = request.simulateFrom() == null ? to.minusMonths(3).plusDays(1) : request.simulateFrom();
    checks.check(!to.isBefore(from), "simulateTo", "Akhir periode simulasi sebelum awalnya");
    checks.check(ChronoUnit.DAYS.between(from, to) <= 366, "simulateTo", "Periode simulasi paling lama satu tahun");
    checks.check(!to.isAfter(LocalDate.now(clock.withZone(Dates.BANDUNG))), "simulateTo", "Periode simulasi sudah lewat seluruhnya");
    checks.throwIfAny();
    return new ModelChangeStore.Proposal(kind, reason.strip(), request.actionItemId(), files,
        request.renames() == null ? Map.of() : request.renames(),
        request.topUps() == null ? List.of() : request.topUps(), from, to);
  }

  private static Map<String, byte[]> files(List<ChangeRequest.ChangeFile> given, Checks checks) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (ChangeRequest.ChangeFile file : given == null ? List.<ChangeRequest.ChangeFile>of() : given) {
      if (file == null || file.name() == null || !file.name().matches(FILE_NAME)) {
        checks.add("files", "Nama berkas '%s' tidak diterima: huruf kecil, angka dan '-', berakhiran .bpmn, .dmn, "
            .formatted(file == null ? null : file.name()) + ".tests.json atau .form");
      } else if (file.content() == null || file.content().isBlank()) {
        checks.add("files", "Berkas " + file.name() + " kosong");
      } else if (files.containsKey(file.name())) {
        checks.add("files", "Berkas " + file.name() + " dikirim dua kali");
      } else {
        byte[] content = file.content().getBytes(StandardCharsets.UTF_8);
        checks.check(content.length <= MAX_FILE_BYTES, "files", "Berkas " + file.name() + " lebih dari 1 MB");
        files.put(file.name(), content);
      }
    }
    return files;
  }

  private static void checkKind(ChangeKind kind, Map<String, byte[]> files, ChangeRequest request, Checks checks) {
    long bpmn = files.keySet().stream().filter(n -> n.endsWith(".bpmn")).count();
    long dmn = files.keySet().stream().filter(n -> n.endsWith(".dmn")).count();
    switch (kind) {
      case TABLE -> checks.check(dmn == 1 && bpmn == 0, "files",
          "Perubahan tabel membawa tepat satu tabel .dmn (dengan berkas .tests.json-nya) dan tidak ada model BPMN");
      case MODEL -> checks.check(bpmn == 1 && dmn == 0, "files",
          "Perubahan model membawa tepat satu model .bpmn (dengan formulir .form yang baru atau berubah)");
      case BUDGET -> {
        checks.check(files.isEmpty(), "files", "Perubahan anggaran tidak membawa berkas");
        List<ChangeRequest.TopUpRequest> topUps = request.topUps() == null ? List.of() : request.topUps();
        checks.check(!topUps.isEmpty(), "topUps", "Sebutkan program, periode dan jumlah tambahan anggaran");
        for (ChangeRequest.TopUpRequest topUp : topUps) {
          checks.check(topUp.programCode() != null && topUp.period() != null && topUp.amount() != null
              && topUp.amount() > 0, "topUps", "Setiap tambahan anggaran perlu program, periode dan jumlah di atas 0");
        }
      }
      default -> throw new IllegalStateException();
    }
    checks.check(kind == ChangeKind.MODEL || request.renames() == null || request.renames().isEmpty(), "renames",
        "Pemetaan aktivitas hanya untuk perubahan model BPMN");
  }

  /** The last day of the last full quarter before today. */
  private LocalDate lastQuarterEnd() {
    LocalDate today = LocalDate.now(clock.withZone(Dates.BANDUNG));
    return today.with(IsoFields.DAY_OF_QUARTER, 1).minusDays(1);
  }
}
