package id.puskesos.rujukan.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.common.FieldError;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.process.ReferralSettings;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.EventType;
import id.puskesos.rujukan.referral.ReferralRecord;
import id.puskesos.rujukan.registry.RegistryCheck;
import id.puskesos.rujukan.registry.RegistryCheck.DtksStatus;
import id.puskesos.rujukan.registry.ResidentRepository;
import id.puskesos.rujukan.verification.Verification.Result;

class VerificationServiceTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  private final CaseFile caseFile = mock(CaseFile.class);
  private final ResidentRepository residents = mock(ResidentRepository.class);
  private VerificationService service;

  @BeforeEach
  void service() {
    ReferralRecord referral = mock(ReferralRecord.class);
    when(referral.residentId()).thenReturn(7L);
    when(caseFile.get("RJK-2026-000001")).thenReturn(referral);
    service = new VerificationService(caseFile, residents, new ReferralSettings(),
        Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Asia/Jakarta")).toInstant(), ZoneId.of("Asia/Jakarta")));
  }

  private boolean verifyWith(RegistryCheck registry, Result result) {
    return service.verify("RJK-2026-000001", new Verification(true, registry, result, null, null), "bo");
  }

  @Test
  void recentRegistryDataNeedsNoHomeVisit() {
    assertThat(verifyWith(new RegistryCheck(DtksStatus.LISTED, 2, TODAY.minusMonths(3), false), Result.VALID)).isFalse();
    verify(residents).recordVerification(eq(7L), any(), eq("bo"));
  }

  @Test
  void staleOrMissingRegistryDataAlwaysGetsAHomeVisit() {
    assertThat(verifyWith(new RegistryCheck(DtksStatus.LISTED, 2, TODAY.minusMonths(13), false), Result.VALID)).isTrue();
    assertThat(verifyWith(new RegistryCheck(DtksStatus.NOT_LISTED, null, null, false), Result.VALID)).isTrue();
    verify(caseFile).record(eq("RJK-2026-000001"), eq(EventType.VERIFIED), eq("bo"),
        org.mockito.ArgumentMatchers.contains("usang"));
  }

  @Test
  void deceasedOrMovedResidentCannotContinue() {
    InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
        () -> verifyWith(new RegistryCheck(DtksStatus.LISTED, 2, TODAY, true), Result.VALID));

    assertThat(refused.errors()).extracting(FieldError::field).containsExactly("verificationResult");
    verify(residents, never()).recordVerification(any(Long.class), any(), anyString());
  }

  @Test
  void listedResidentNeedsDesilAndUpdateDate() {
    InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
        () -> verifyWith(new RegistryCheck(DtksStatus.LISTED, 11, TODAY.plusDays(1), false), Result.VALID));

    assertThat(refused.errors()).extracting(FieldError::field).containsExactly("desil", "registryUpdatedOn");
  }

  @Test
  void homeVisitAsksOnlyForKnownProfessions() {
    assertThat(service.recordHomeVisit("RJK-2026-000001", "2026-11-26", "Rumah tidak layak",
        List.of("nakes", "babinsa", "nakes"), false, "fasilitator")).containsExactly("babinsa", "nakes");
    assertThat(catchThrowableOfType(InvalidInputException.class, () -> service.recordHomeVisit("RJK-2026-000001",
        "2026-11-28", "x", List.of("polisi"), false, "fasilitator")).errors())
        .extracting(FieldError::field).containsExactly("visitDate", "opinionsRequested");
  }
}
