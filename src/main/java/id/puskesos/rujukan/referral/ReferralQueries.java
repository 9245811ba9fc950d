package id.puskesos.rujukan.referral;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.common.PersonalData;
import id.puskesos.rujukan.registry.NationalMemberships;
import id.puskesos.rujukan.registry.Registry;
import id.puskesos.rujukan.registry.Resident;

/** Reads a case for the API: the case file joined with the open tasks of its process instances. */
@Service
@Transactional(readOnly = true)
public class ReferralQueries {

  private final CaseFile caseFile;
  private final Registry registry;
  private final ProgramCatalogue catalogue;
  private final TaskService taskService;
  private final CaseAccess caseAccess;
  private final RoutingChoices choices;
  private final Stages stages;
  private final NationalMemberships memberships;
  private final HandoverProofs proofs;
  private final FullNikReads fullNik;

  public ReferralQueries(CaseFile caseFile, Registry registry, ProgramCatalogue catalogue,
      TaskService taskService, CaseAccess caseAccess, RoutingChoices choices, Stages stages,
      NationalMemberships memberships, HandoverProofs proofs, FullNikReads fullNik) {
    this.fullNik = fullNik;
    this.caseFile = caseFile;
    this.proofs = proofs;
    this.memberships = memberships;
    this.registry = registry;
    this.catalogue = catalogue;
    this.taskService = taskService;
    this.caseAccess = caseAccess;
    this.choices = choices;
    this.stages = stages;
  }

  /** The letter issued for a program, for those who may see the program. */
  public byte[] letter(String number, String programCode) {
    CaseAccess.Scope scope = caseAccess.require(number);
    return caseFile.programs(number).stream()
        .filter(p -> p.programCode().equals(programCode) && scope.sees(p.partnerCode()))
        .findFirst().flatMap(p -> caseFile.letter(number, programCode))
        .orElseThrow(() -> new NotFoundException(
            "Surat rekomendasi %s untuk program %s tidak ditemukan".formatted(number, programCode)));
  }

  /**
   * The case as the caller may see it: Puskesos staff and managers all of it; a partner's staff only a case sent to
   * their organisation (404 otherwise), with their own programs and without the Puskesos's timeline.
   */
  public ReferralView view(String number) {
    CaseAccess.Scope scope = caseAccess.require(number);
    ReferralRecord referral = caseFile.get(number);
    Resident resident = registry.get(referral.residentId());
    List<ProgramReferral> programs = caseFile.programs(number).stream().filter(p -> scope.sees(p.partnerCode()))
        .toList();
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(number).orderByTaskCreateTime().asc()
        .list();
    // the stage of all the work the case waits for (not only the caller's), as the models give it
    Stage stage = stages.ofCase(referral.stage(), caseAccess.withoutAuthorization(
        () -> taskService.createTaskQuery().processInstanceBusinessKey(number).list()));
    return new ReferralView(
        referral.referralNumber(),
        referral.open() ? "OPEN" : "CLOSED",
        stage.name(),
        stage.label(),
        referral.outcome() == null ? null : referral.outcome().name(),
        referral.outcome() == null ? null : referral.outcome().label(),
        referral.outcomeReason(),
        new ReferralView.Resident(resident.fullName(), PersonalData.maskNik(resident.nik()), resident.kelurahan(),
            scope.all() ? memberships.current(resident.kkNumber()) : List.of(),
            fullNik.mayRead(number) ? "/api/referrals/%s/resident/nik".formatted(number) : null),
        referral.channel().name(),
        referral.urgent(),
        referral.receivedAt(),
        referral.closedAt(),
        caseFile.needs(number).stream().sorted().map(Need::name).toList(),
        programs(number, programs, scope),
        scope.all() ? routing(number) : List.of(),
        scope.all() ? caseFile.eligibilityTableVersion(number).orElse(null) : null,
        openTasks(tasks),
        (scope.all() ? caseFile.timeline(number) : List.<TimelineEvent>of()).stream()
            .map(e -> new ReferralView.TimelineEntry(e.at(), e.actor(), e.type().name(), e.detail())).toList(),
        (scope.all() ? caseFile.complaints(number) : List.<CaseFile.Complaint>of()).stream()
            .map(c -> new ReferralView.Complaint(c.receivedAt(), c.channel().name(), c.channel().label(),
                c.needs().stream().map(Need::label).toList(), c.description(), c.urgent(), c.merged()))
            .toList(),
        caseFile.needs(number).stream().sorted().map(Need::label).toList());
  }

  /** The programs the scope sees; a partner's staff sees only its own, and attaches their handovers' proofs. */
  private List<ReferralView.Program> programs(String number, List<ProgramReferral> programs, CaseAccess.Scope scope) {
    List<HandoverProofs.Proof> attached = proofs.of(number);
    return programs.stream().map(p -> program(number, p, attached.stream()
        .filter(proof -> proof.programCode().equals(p.programCode()))
        .map(proof -> ReferralView.HandoverProof.of(number, proof)).toList(), !scope.all())).toList();
  }

  private ReferralView.Program program(String number, ProgramReferral p, List<ReferralView.HandoverProof> proofs,
      boolean partnerStaff) {
    Program program = catalogue.findProgram(p.programCode()).orElse(null);
    return new ReferralView.Program(p.programCode(), program == null ? p.programCode() : program.name(),
        program == null ? p.partnerCode() : catalogue.partnerOf(program).name(), p.status().name(),
        p.status().label(), p.proposedAmount(), p.proposalBasis(), p.decidedBy(), p.decidedAt(), p.rejectionCode(),
        p.statusReason(), p.infoRequest(), p.plannedAid(), p.grantedAmount(), p.letterNumber(),
        p.letterNumber() == null ? null : "/api/referrals/%s/letters/%s".formatted(number, p.programCode()),
        p.aidAmount(), p.aidItems(), p.distributedOn(), p.distributedBy(), proofs,
        partnerStaff && p.status().approvedForHandover());
  }

  private List<ReferralView.RoutingChoice> routing(String number) {
    return choices.of(number).stream().map(c -> new ReferralView.RoutingChoice(c.need(),
        c.need() == null ? null : Need.valueOf(c.need()).label(), c.programCode(),
        catalogue.findProgram(c.programCode()).map(Program::name).orElse(c.programCode()), c.rank(), c.role().name(),
        c.role().label(), c.reason(), c.fund(),
        RoutingChoices.Fund.of(c.fund()) == null ? null : RoutingChoices.Fund.of(c.fund()).label(), c.asnaf(),
        Asnaf.of(c.asnaf()) == null ? null : Asnaf.of(c.asnaf()).label())).toList();
  }

  private List<ReferralView.OpenTask> openTasks(List<Task> tasks) {
    return tasks.stream()
        .map(task -> new ReferralView.OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(),
            taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList(),
            task.getAssignee(), task.getCreateTime(), task.getDueDate()))
        .toList();
  }
}
