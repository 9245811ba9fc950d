package id.puskesos.rujukan.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.referral.FollowUp;
import id.puskesos.rujukan.referral.Need;
import id.puskesos.rujukan.referral.Outcome;
import id.puskesos.rujukan.referral.ProgramReferral;
import id.puskesos.rujukan.referral.ProgramStatus;
import id.puskesos.rujukan.referral.RoutingChoices.Choice;
import id.puskesos.rujukan.referral.RoutingChoices.Role;

/** A case's outcome from what reached the resident, need by need, and from the resident's follow-up answers. */
class DeliveredOutcomeTest {

  @Test
  void everyNeedAnsweredByAidThatArrivedIsFacilitatedEvenWhenAnotherProgramRejected() {
    List<ProgramReferral> programs = List.of(program("BPNT", ProgramStatus.REJECTED),
        program("SALMAN_SEMBAKO", ProgramStatus.DISTRIBUTED));
    List<Choice> choices = List.of(choice("FOOD", "BPNT", Role.TRIED), choice("FOOD", "SALMAN_SEMBAKO", Role.CHOSEN));

    assertThat(ClosingService.delivered(programs, EnumSet.of(Need.FOOD), choices)).isEqualTo(Outcome.FACILITATED);
  }

  @Test
  void aNeedLeftWithoutAidIsPartlyFacilitated() {
    List<ProgramReferral> programs = List.of(program("SALMAN_SEMBAKO", ProgramStatus.DISTRIBUTED),
        program("BAZNAS_SEHAT", ProgramStatus.REJECTED));
    List<Choice> choices = List.of(choice("FOOD", "SALMAN_SEMBAKO", Role.CHOSEN),
        choice("HEALTH", "BAZNAS_SEHAT", Role.TRIED));

    assertThat(ClosingService.delivered(programs, EnumSet.of(Need.FOOD, Need.HEALTH), choices))
        .isEqualTo(Outcome.PARTLY_FACILITATED);
  }

  @Test
  void aProgramChosenForOneNeedAnswersAnotherItCovers() {
    List<ProgramReferral> programs = List.of(program("BAZNAS_KONSUMTIF", ProgramStatus.DISTRIBUTED));
    List<Choice> choices = List.of(choice("CASH", "BAZNAS_KONSUMTIF", Role.CHOSEN),
        choice("FOOD", "BAZNAS_KONSUMTIF", Role.COVERED));

    assertThat(ClosingService.delivered(programs, EnumSet.of(Need.FOOD, Need.CASH), choices))
        .isEqualTo(Outcome.FACILITATED);
  }

  @Test
  void nothingDeliveredIsRejectedOrNotReceived() {
    List<Choice> choices = List.of(choice("FOOD", "BPNT", Role.CHOSEN));

    assertThat(ClosingService.delivered(List.of(program("BPNT", ProgramStatus.REJECTED)), EnumSet.of(Need.FOOD),
        choices)).isEqualTo(Outcome.REJECTED);
    assertThat(ClosingService.delivered(List.of(program("BPNT", ProgramStatus.NOT_RECEIVED)), EnumSet.of(Need.FOOD),
        choices)).isEqualTo(Outcome.NOT_RECEIVED);
  }

  @Test
  void theResidentsWordCapsTheOutcome() {
    FollowUp partly = new FollowUp(true, FollowUp.Answer.PARTLY, FollowUp.Answer.YES, 4, "-");
    FollowUp unreachable = new FollowUp(false, null, null, null, "-");
    FollowUp unhelpful = new FollowUp(true, FollowUp.Answer.YES, FollowUp.Answer.NO, 2, "-");

    assertThat(Outcome.afterFollowUp(Outcome.FACILITATED, partly)).isEqualTo(Outcome.PARTLY_FACILITATED);
    assertThat(Outcome.afterFollowUp(Outcome.FACILITATED, unreachable)).isEqualTo(Outcome.UNREACHABLE);
    assertThat(Outcome.afterFollowUp(Outcome.FACILITATED, unhelpful)).isEqualTo(Outcome.FACILITATED);
    assertThat(Outcome.afterFollowUp(Outcome.REJECTED, partly)).isEqualTo(Outcome.REJECTED);
  }

  private static ProgramReferral program(String code, ProgramStatus status) {
    return new ProgramReferral(code, "X", status, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null);
  }

  private static Choice choice(String need, String program, Role role) {
    return new Choice(0, need, program, 1, role, null);
  }
}
