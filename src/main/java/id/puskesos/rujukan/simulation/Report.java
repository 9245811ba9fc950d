package id.puskesos.rujukan.simulation;

import java.util.List;
import java.util.Map;

/**
 * A what-if simulation's findings, side by side: what actually happened to the cases received in the period, and what
 * the candidate table and budgets would have made of them (docs/simulation.md defines every figure). Figures only,
 * except {@code changes}: the masked list of who gains or loses a program, for the koordinator (null for others).
 */
public record Report(String table, List<WhatIf.TopUp> topUps, int casesReceived, int casesReplayed,
    int casesNotReplayed, List<ProgramRow> programs, int noProgramActual, int noProgramWhatIf,
    Facilitation facilitationActual, Facilitation facilitationWhatIf, int casesGaining, int casesLosing,
    int programsGained, int programsLost, int waitingActual, int waitingWhatIf, List<Change> changes,
    String facilitationDefinition, List<String> assumptions) {

  /**
   * One program, actual beside what-if: cases referred to it; the amount asked of its budget per month (in the
   * program's unit; budgeted programs only); the waiting list at the period's end and the mean wait in days of those
   * who waited (the budget replay's, on both sides).
   */
  public record ProgramRow(String programCode, String programName, String partnerCode, String partnerName,
      boolean budgeted, String unit, int casesActual, int casesWhatIf, Map<String, Long> neededActual,
      Map<String, Long> neededWhatIf, int waitingActual, int waitingWhatIf, Double meanWaitDaysActual,
      Double meanWaitDaysWhatIf) {
  }

  /**
   * The facilitation figures of the period by {@code distribution.FacilitationFigures}' one definition: received,
   * referred, facilitated, the study's rate (facilitated / received) and the rate of the referred (0 to 1).
   */
  public record Facilitation(int received, int referred, int facilitated, Double rate, Double referredRate) {
  }

  /** A case that gains ({@code DAPAT}) or loses ({@code HILANG}) a program, its resident's name masked; no NIK. */
  public record Change(String referralNumber, String maskedName, String programCode, String programName,
      String change) {
  }

  public static final String GAINED = "DAPAT";
  public static final String LOST = "HILANG";

  Report withoutChanges() {
    return new Report(table, topUps, casesReceived, casesReplayed, casesNotReplayed, programs, noProgramActual,
        noProgramWhatIf, facilitationActual, facilitationWhatIf, casesGaining, casesLosing, programsGained,
        programsLost, waitingActual, waitingWhatIf, null, facilitationDefinition, assumptions);
  }
}
