package id.puskesos.rujukan.residentmessage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.notification.Notifications;
import id.puskesos.rujukan.partner.RejectionCode;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.ProgramReferral;
import id.puskesos.rujukan.referral.ProgramStatus;
import id.puskesos.rujukan.referral.ReferralRecord;
import id.puskesos.rujukan.referral.Stage;
import id.puskesos.rujukan.routing.RoutingService;
import id.puskesos.rujukan.tenant.PuskesosDirectory;

/**
 * The one place that tells a resident how their case goes: each timeline entry of a turn the resident should hear
 * about ({@link CaseFile.Recorded}) picks its template ({@link ResidentTemplate}), fills it from the case file and
 * queues it in the outbox in the same transaction, through {@link Notifications#whatsAppResident}, which sends only
 * with the resident's standing consent to be contacted by WhatsApp and a number. The dedup key is the case, the turn
 * and the program, so each message goes once however often its entry is written; the outbox retries and reports.
 * Which entry sends what is listed in docs/resident-messages.md.
 */
@Component
public class ResidentMessages {

  private static final Logger LOG = LoggerFactory.getLogger(ResidentMessages.class);

  private final CaseFile caseFile;
  private final ProgramCatalogue catalogue;
  private final Budgets budgets;
  private final RoutingService routing;
  private final MessageTemplates templates;
  private final Notifications notifications;
  private final PuskesosDirectory directory;
  private final ResidentMessageSettings settings;

  public ResidentMessages(CaseFile caseFile, ProgramCatalogue catalogue, Budgets budgets, RoutingService routing,
      MessageTemplates templates, Notifications notifications, ResidentMessageSettings settings,
      PuskesosDirectory directory) {
    this.directory = directory;
    this.caseFile = caseFile;
    this.catalogue = catalogue;
    this.budgets = budgets;
    this.routing = routing;
    this.templates = templates;
    this.notifications = notifications;
    this.settings = settings;
  }

  /**
   * A message that cannot be composed (a program no longer in the catalogue) is logged, never allowed to undo the
   * turn of the case that caused it.
   */
  @EventListener
  public void recorded(CaseFile.Recorded entry) {
    try {
      tell(entry);
    } catch (RuntimeException e) {
      LOG.error("Case {}: no resident message for {} ({})", entry.referralNumber(), entry.type(), e.toString());
    }
  }

  private void tell(CaseFile.Recorded entry) {
    String number = entry.referralNumber();
    String code = entry.programCode();
    switch (entry.type()) {
      case INTAKE_RECEIVED -> send(number, ResidentTemplate.RECEIVED, null, Map.of());
      case PROGRAM_REFERRED, PROPOSAL_BATCHED -> referred(number, code);
      case PARTNER_ACCEPTED -> {
        // a budgeted program is accepted once its budget is reserved (or waits for it): told then
        if (code != null && !catalogue.program(code).budgeted() && status(number, code) == ProgramStatus.ACCEPTED) {
          send(number, ResidentTemplate.ACCEPTED, code, Map.of());
        }
      }
      case BUDGET_RESERVED -> send(number, ResidentTemplate.ACCEPTED, code, Map.of());
      case BUDGET_WAITING -> {
        if (status(number, code) == ProgramStatus.WAITING_BUDGET) {
          waiting(number, code);
        }
      }
      case PARTNER_REJECTED -> rejected(number, code);
      case PROPOSAL_DECIDED -> {
        ProgramStatus status = status(number, code);
        if (status == ProgramStatus.ENROLLED) {
          send(number, ResidentTemplate.ACCEPTED, code, Map.of());
        } else if (status == ProgramStatus.REJECTED) {
          rejected(number, code);
        }
      }
      case AID_DISTRIBUTED -> send(number, ResidentTemplate.HANDED_OVER, code, Map.of());
      case STAGE_ENTERED -> {
        Stage stage = caseFile.get(number).stage();
        if (stage == Stage.VERIFICATION) {
          // the stage's one way in is the fasilitator's home visit (referral.bpmn task_homeVisit)
          send(number, ResidentTemplate.VISIT_PLANNED, null, Map.of());
        } else if (stage == Stage.FOLLOW_UP) {
          send(number, ResidentTemplate.FOLLOW_UP, null, Map.of());
        }
      }
      case CLOSED -> {
        ReferralRecord closed = caseFile.get(number);
        send(number, ResidentTemplate.CLOSED, null, Map.of("hasil", closed.outcome() == null ? "-"
            : closed.outcome().label(), "pengaduan", settings.complaintHow()));
      }
      default -> {
        // the other entries are the staff's: no message
      }
    }
  }

  private void referred(String number, String code) {
    Optional<ProgramReferral> referral = program(number, code);
    if (referral.isEmpty() || referral.get().letterNumber() == null) {
      return; // routing's proposal, before the koordinator decided: not yet the resident's news
    }
    Program program = catalogue.program(code);
    send(number, ResidentTemplate.REFERRED, code, Map.of("langkah", program.proposal()
        ? "Usulan Anda diteruskan ke Kementerian Sosial; keputusannya mengikuti periode penetapan."
        : catalogue.partnerOf(program).name() + " akan memeriksa dan memutuskan; kami kabari hasilnya."));
    send(number, ResidentTemplate.LETTER_READY, code, Map.of("surat", referral.get().letterNumber(),
        "tempat", settings.placeFor(program.partner()), "bawa", settings.letterBring()));
  }

  private void waiting(String number, String code) {
    int position = budgets.waitingPosition(number, code);
    // no budget's arrival is known in advance (partners top up when they can): no date is promised
    send(number, ResidentTemplate.WAITING_BUDGET, code, Map.of("urutan", position == 0 ? "-" : "" + position,
        "perkiraan", "Lama menunggu belum dapat diperkirakan karena bergantung pada tambahan anggaran mitra; "
            + "kami kabari begitu anggaran tersedia."));
  }

  private void rejected(String number, String code) {
    Optional<ProgramReferral> referral = program(number, code);
    String reason = referral.map(ProgramReferral::rejectionCode).flatMap(ResidentMessages::rejectionLabel)
        .orElse("tidak disebutkan");
    boolean alternative = routing.hasAlternative(number, code);
    send(number, ResidentTemplate.REJECTED, code, Map.of("alasan", reason, "selanjutnya", alternative
        ? "Puskesos akan mencoba program lain yang sesuai untuk Anda."
        : "Petugas Puskesos akan menghubungi Anda tentang langkah berikutnya."));
  }

  /** Fills the template and queues it; nothing when the template is switched off. */
  private void send(String number, ResidentTemplate kind, String programCode, Map<String, String> extra) {
    Optional<String> body = templates.activeBody(kind);
    if (body.isEmpty()) {
      return;
    }
    ReferralRecord referral = caseFile.get(number);
    String puskesos = directory.of(referral.tenantId()).title();
    Map<String, String> values = new LinkedHashMap<>();
    // the local texts name the case's Puskesos where they say {puskesos}
    extra.forEach((name, value) -> values.put(name, value.replace("{" + ResidentTemplate.PUSKESOS + "}", puskesos)));
    values.put(ResidentTemplate.PUSKESOS, puskesos);
    values.put("nomor", number);
    if (programCode != null) {
      Program program = catalogue.program(programCode);
      values.put("program", program.name());
      values.put("mitra", catalogue.partnerOf(program).name());
    }
    String text = MessageTemplates.render(body.get(), values);
    String key = "warga:%s:%s%s".formatted(number, kind.name(), programCode == null ? "" : ":" + programCode);
    if (notifications.whatsAppResident(referral.residentId(), text, key, number)) {
      LOG.info("Case {}: resident message {} queued", number, key);
    }
  }

  private ProgramStatus status(String number, String code) {
    return program(number, code).map(ProgramReferral::status).orElse(null);
  }

  private Optional<ProgramReferral> program(String number, String code) {
    return code == null ? Optional.empty()
        : caseFile.programs(number).stream().filter(p -> p.programCode().equals(code)).findFirst();
  }

  private static Optional<String> rejectionLabel(String code) {
    try {
      return Optional.ofNullable(code).map(c -> RejectionCode.valueOf(c).label());
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }
}
