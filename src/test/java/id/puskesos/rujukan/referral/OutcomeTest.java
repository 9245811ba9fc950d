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
}
