package id.puskesos.rujukan.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.referral.RoutingChoices.Role;
import id.puskesos.rujukan.routing.RoutingService.Candidate;
import id.puskesos.rujukan.routing.RoutingService.Facts;
import id.puskesos.rujukan.routing.RoutingService.Match;

/**
 * The pure part of routing: from the rows the eligibility table matched, one program per confirmed need. What sending
 * a program means (the case file and the household ledger for a live case, an in-memory replay for the what-if
 * simulation) is the caller's; so is recording each decision. {@link RoutingService#route} and the simulation
 * ({@code simulation.WhatIf}) both choose through here, so a what-if chooses as routing does.
 */
public final class ProgramChoice {

  /** One decision on one row, in the order they are taken: what routing records as a {@code routing_choice}. */
  public record Decision(String need, String programCode, int rank, Role role, String reason, String fund,
      String asnaf) {
  }

  /** The programs chosen (in order), those held back with why, and the needs no program answers. */
  public record Result(List<String> chosen, Map<String, String> excluded, List<String> unanswered) {
  }

  private ProgramChoice() {
  }

  /**
   * The rows for the case's confirmed needs in the order they are tried: by rank; among equal ranks a program with
   * budget now first; then in the table's order. {@code activeProgram}: the catalogue's active program of a code.
   */
  public static List<Candidate> candidates(List<Match> matches, Facts facts,
      Function<String, Optional<Program>> activeProgram, Predicate<Program> budgetNow) {
    List<Candidate> candidates = new ArrayList<>();
    Map<String, Boolean> budget = new HashMap<>();
    for (int i = 0; i < matches.size(); i++) {
      Match m = matches.get(i);
      Optional<Program> program = activeProgram.apply(m.programCode());
      if (m.need() == null || !facts.confirmedNeeds().contains(m.need()) || program.isEmpty()) {
        continue;
      }
      boolean now = budget.computeIfAbsent(m.programCode(), c -> budgetNow.test(program.get()));
      candidates.add(new Candidate(program.get(), m.need(), m.rank(), m.reason(), m.fund(), m.asnaf(), now, i));
    }
    candidates.sort(RoutingService.TRY_ORDER);
    return candidates;
  }

  /**
   * Takes the candidates in order: a program held back before stays excluded; a need already answered keeps the
   * others as alternatives; a program chosen for another need (or the DTKS/DTSEN inclusion already under way) answers
   * it; otherwise {@code send} is asked, which answers why the program may not receive the case, or null when it was
   * sent. Every decision goes to {@code record} as it is taken.
   */
  public static Result choose(List<Candidate> candidates, Facts facts, Function<Candidate, String> send,
      Consumer<Decision> record) {
    Map<String, String> coveredBy = new HashMap<>();
    Map<String, String> excluded = new HashMap<>();
    List<String> chosen = new ArrayList<>();
    for (Candidate c : candidates) {
      String code = c.program().code();
      if (excluded.containsKey(code)) {
        record.accept(decision(c, Role.EXCLUDED, excluded.get(code)));
      } else if (coveredBy.containsKey(c.need())) {
        if (!chosen.contains(code)) {
          record.accept(decision(c, Role.ALTERNATIVE, c.reason()));
        }
      } else if (chosen.contains(code) || inclusionUnderWay(code, facts)) {
        coveredBy.put(c.need(), code);
        record.accept(decision(c, Role.COVERED,
            chosen.contains(code) ? c.reason() : RoutingService.INCLUSION_UNDER_WAY));
      } else {
        String heldBack = send.apply(c);
        if (heldBack != null) {
          excluded.put(code, heldBack);
          record.accept(decision(c, Role.EXCLUDED, heldBack));
        } else {
          chosen.add(code);
          coveredBy.put(c.need(), code);
          record.accept(decision(c, Role.CHOSEN, c.reason()));
        }
      }
    }
    List<String> unanswered = facts.confirmedNeeds().stream().filter(n -> !coveredBy.containsKey(n)).toList();
    return new Result(chosen, excluded, unanswered);
  }

  /**
   * Why a program that fits must not receive the case, or null; the household ledger is asked after this.
   * {@code mayShare}: whether the resident's consent lets the partner receive the data (asked only when needed).
   */
  public static String holdBackReason(Program program, Partner partner, Facts facts, BooleanSupplier mayShare) {
    if (program.requiresDtks() && !facts.dtksListed()) {
      return "Warga belum terdaftar di DTKS/DTSEN (usulan ke Dinas Sosial berjalan)";
    }
    if (!mayShare.getAsBoolean()) {
      return "Warga belum menyetujui data dibagikan kepada " + partner.name();
    }
    if (RoutingService.PKH.equals(program.code()) && facts.pkh().componentCount() == 0) {
      return "Keluarga tidak memiliki komponen PKH";
    }
    return null;
  }

  /**
   * A resident not in DTKS/DTSEN was proposed for inclusion when the case was verified (dtks-inclusion.bpmn): that
   * proposal answers the need for a data update; a second one is not sent.
   */
  static boolean inclusionUnderWay(String programCode, Facts facts) {
    return RoutingService.DTKS_INCLUSION.equals(programCode) && !facts.dtksListed();
  }

  private static Decision decision(Candidate c, Role role, String reason) {
    return new Decision(c.need(), c.program().code(), c.rank(), role, reason, c.fund(), c.asnaf());
  }
}
