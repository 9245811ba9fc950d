package id.puskesos.rujukan.simulation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.routing.ProgramChoice;
import id.puskesos.rujukan.routing.RoutingService;

/**
 * Routing replayed for one past case against a table, in memory: the table's rows for the case's facts, then the
 * choice routing makes ({@link ProgramChoice}, the same code as {@link RoutingService#route}) with the rules in code
 * and a household ledger that lives only for the replay (one holding per household, ledger slot and period, over the
 * replayed cases). Nothing is sent, recorded or held in the live ledger.
 */
@Component
class Rerouting {

  /** The household ledger of one replay: "KK|slot|period" to the case that holds it. */
  static final class Ledger {
    private final Map<String, String> holders = new HashMap<>();
  }

  private final CandidateTable tables;
  private final ProgramCatalogue catalogue;
  private final Budgets budgets;

  Rerouting(CandidateTable tables, ProgramCatalogue catalogue, Budgets budgets) {
    this.tables = tables;
    this.catalogue = catalogue;
    this.budgets = budgets;
  }

  /**
   * The programs routing would choose for the case on the day it was routed. {@code topUps}: the what-if's additions,
   * which count for the tie-break "a program with budget now first".
   */
  List<String> chosen(CandidateTable.Table table, String referralNumber, RoutingService.Facts facts, LocalDate on,
      Ledger ledger, List<WhatIf.TopUp> topUps) {
    List<RoutingService.Match> matches = tables.matches(table, referralNumber, facts);
    List<RoutingService.Candidate> candidates = ProgramChoice.candidates(matches, facts,
        code -> catalogue.findProgram(code).filter(Program::active), program -> budgetOn(program, on, topUps));
    return ProgramChoice.choose(candidates, facts, c -> send(c.program(), referralNumber, facts, on, ledger),
        decision -> { }).chosen();
  }

  private String send(Program program, String referralNumber, RoutingService.Facts facts, LocalDate on,
      Ledger ledger) {
    Partner partner = catalogue.partnerOf(program);
    String reason = ProgramChoice.holdBackReason(program, partner, facts,
        () -> partner.government() || facts.consentedPartners().contains(partner.code()));
    if (reason != null) {
      return reason;
    }
    String slot = facts.householdKk() + "|" + program.ledgerSlot() + "|" + program.budgetPeriod().of(on);
    String holder = ledger.holders.putIfAbsent(slot, referralNumber);
    return holder == null ? null : "Keluarga sudah memegang program ini pada periode yang sama (rujukan " + holder + ")";
  }

  /**
   * Whether the program had budget on the day: its allocation for the day's period (the live table plus the what-if's
   * top-ups) covers one default grant. What earlier cases used of it is not subtracted, and a program kept per
   * kelurahan counts all its Puskesos's pools together (docs/simulation.md).
   */
  private boolean budgetOn(Program program, LocalDate on, List<WhatIf.TopUp> topUps) {
    if (!program.budgeted()) {
      return true;
    }
    String period = program.budgetPeriod().of(on);
    long allocated = budgets.budgets(program.code()).stream().filter(b -> b.period().equals(period))
        .mapToLong(Budgets.Budget::allocated).sum()
        + topUps.stream().filter(t -> t.programCode().equals(program.code()) && t.period().equals(period))
            .mapToLong(WhatIf.TopUp::amount).sum();
    long grant = program.defaultAmount() == null ? 1 : program.defaultAmount();
    return allocated >= grant;
  }
}
