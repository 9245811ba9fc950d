package id.puskesos.rujukan.referral;

import static id.puskesos.rujukan.referral.ProgramStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class OutcomeTest {

  @Test
  void everyReferredProgramDeliveredIsFacilitated() {
    assertThat(Outcome.fromPrograms(List.of(DISTRIBUTED, DISTRIBUTED))).isEqualTo(Outcome.FACILITATED);
  }

  @Test
  void programsNotSentWereNeverReferred() {
    assertThat(Outcome.fromPrograms(List.of(DISTRIBUTED, NOT_SENT))).isEqualTo(Outcome.FACILITATED);
  }

  @Test
  void someDeliveredIsPartlyFacilitated() {
    assertThat(Outcome.fromPrograms(List.of(DISTRIBUTED, REJECTED))).isEqualTo(Outcome.PARTLY_FACILITATED);
  }

  @Test
  void noneDeliveredIsRejected() {
    assertThat(Outcome.fromPrograms(List.of(REJECTED, REJECTED))).isEqualTo(Outcome.REJECTED);
  }

  @Test
  void caseIsInDistributionOnceEveryDecisionIsInAndSomeAidIsStillToBeHandedOver() {
    assertThat(ReferralQueriesStage.of(Stage.PARTNER_DECISION, ACCEPTED, REJECTED)).isEqualTo(Stage.DISTRIBUTION);
    assertThat(ReferralQueriesStage.of(Stage.PARTNER_DECISION, ACCEPTED, INFO_REQUESTED))
        .isEqualTo(Stage.PARTNER_DECISION);
    assertThat(ReferralQueriesStage.of(Stage.PARTNER_DECISION, DISTRIBUTED)).isEqualTo(Stage.PARTNER_DECISION);
    assertThat(ReferralQueriesStage.of(Stage.ROUTING)).isEqualTo(Stage.ROUTING);
  }

  /** Builds program rows with only a status, for {@link ReferralQueries#currentStage}. */
  private static final class ReferralQueriesStage {
    static Stage of(Stage recorded, ProgramStatus... statuses) {
      return ReferralQueries.currentStage(recorded, java.util.Arrays.stream(statuses)
          .map(s -> new ProgramReferral("P", "X", s, null, null, null, null, null, null, null, null, null, null,
              null, null, null, null, null, null, null))
          .toList());
    }
  }
}
