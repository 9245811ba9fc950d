package id.puskesos.rujukan.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.access.CommandAuthority;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.FieldError;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.EventType;
import id.puskesos.rujukan.referral.ReferralRecord;
import id.puskesos.rujukan.registry.ChangeSource;
import id.puskesos.rujukan.registry.DtksStatus;
import id.puskesos.rujukan.registry.Duplicates;
import id.puskesos.rujukan.registry.IdentityNumbers;
import id.puskesos.rujukan.registry.Registry;
import id.puskesos.rujukan.registry.RegistrySettings;
import id.puskesos.rujukan.registry.Resident;
import id.puskesos.rujukan.registry.Sex;

class VerificationServiceTest {

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  private final CaseFile caseFile = mock(CaseFile.class);
  private final Registry registry = mock(Registry.class);
  private final Duplicates duplicates = mock(Duplicates.class);
  private VerificationService service;

  @BeforeEach
  void service() {
    ReferralRecord referral = mock(ReferralRecord.class);
    when(referral.residentId()).thenReturn(7L);
    when(referral.receivedAt()).thenReturn(OffsetDateTime.parse("2026-11-20T10:00:00+07:00"));
    when(caseFile.get("RJK-2026-000001")).thenReturn(referral);
    service = new VerificationService(caseFile, registry, new IdentityNumbers(), duplicates, new RegistrySettings(),
        new CommandAuthority(mock(IdentityService.class), mock(ProgramCatalogue.class)), Clock.fixed(TODAY.atStartOfDay(WIB).toInstant(), WIB));
  }

  private static Resident resident(DtksStatus dtks, OffsetDateTime verifiedAt, boolean deceased) {
    return new Resident(7, "3273026107900004", "3273020101090012", "Dewi Lestari", LocalDate.of(1990, 7, 21), Sex.F,
        "Jl. Pelesiran 4", "002", "005", "Lebak Siliwangi", null, "ISTRI", dtks, dtks == DtksStatus.LISTED ? 2 : null,
        LocalDate.of(2026, 1, 10), verifiedAt, "fasilitator", deceased, false, true, null);
  }

  private VerificationService.RegistryCheck checkOf(Resident resident) {
    when(registry.get(7L)).thenReturn(resident);
    return service.check("RJK-2026-000001", "sistem");
  }

  @Test
  void listedRecordVerifiedWithinSixMonthsIsClean() {
    VerificationService.RegistryCheck check = checkOf(
        resident(DtksStatus.LISTED, TODAY.minusMonths(5).atStartOfDay(WIB).toOffsetDateTime(), false));

    assertThat(check.needsFieldVerification()).isFalse();
    assertThat(check.dtksListed()).isTrue();
    assertThat(check.summary()).isEqualTo("bersih dan mutakhir");
  }

  @Test
  void staleNeverVerifiedUnlistedDeceasedOrDuplicateRecordsNeedAFieldVisit() {
    assertThat(checkOf(resident(DtksStatus.LISTED, TODAY.minusMonths(7).atStartOfDay(WIB).toOffsetDateTime(), false))
        .findings()).containsExactly("verifikasi lapangan terakhir 27 April 2026, sudah lebih dari 6 bulan");
    assertThat(checkOf(resident(DtksStatus.NOT_LISTED, null, true)).findings()).containsExactly(
        "belum pernah diverifikasi lapangan oleh Puskesos", "tidak terdaftar di DTKS/DTSEN",
        "tercatat meninggal dunia");
    when(duplicates.underReview(7L)).thenReturn(true);
    assertThat(checkOf(resident(DtksStatus.LISTED, TODAY.atStartOfDay(WIB).toOffsetDateTime(), false)).findings())
        .containsExactly("kemungkinan data ganda dengan warga lain (sedang ditinjau operator)");
  }

  @Test
  void recordWithAnInvalidNikIsNotClean() {
    Resident bad = resident(DtksStatus.LISTED, TODAY.atStartOfDay(WIB).toOffsetDateTime(), false);
    bad = new Resident(7, "3273022107900004", bad.kkNumber(), bad.fullName(), bad.birthDate(), bad.sex(),
        bad.address(), bad.rt(), bad.rw(), bad.kelurahan(), null, null, bad.dtksStatus(), 2, null, bad.verifiedAt(),
        null, false, false, true, null);

    assertThat(checkOf(bad).findings()).singleElement().asString()
        .contains("Jenis kelamin pada NIK tidak cocok");
  }

  private static FieldVerification visit(String result, boolean deceased, String dtks, Long desil) {
    return new FieldVerification("2026-11-26", "Rumah semi permanen", "Jl. Pelesiran 4", "2", "5", "0812 3456 7890",
        dtks, desil, deceased, false, List.of("nakes", "nakes"), result, "NOT_ELIGIBLE".equals(result) ? "Meninggal"
        : null);
  }

  @Test
  void fieldVerificationCorrectsTheRegistryWithHistoryAndMarksItVerified() {
    when(registry.get(7L)).thenReturn(resident(DtksStatus.LISTED, null, false));

    VerificationService.FieldOutcome outcome = service.recordFieldVerification("RJK-2026-000001",
        visit("VALID", false, "LISTED", 3L), "fasilitator");

    assertThat(outcome.eligible()).isTrue();
    assertThat(outcome.opinionGroups()).containsExactly("nakes");
    verify(registry).correct(eq(7L), anyMap(), eq("fasilitator"), eq(ChangeSource.FIELD_VERIFICATION),
        eq("Verifikasi lapangan RJK-2026-000001"));
    verify(registry).markVerified(7L, "fasilitator", ChangeSource.FIELD_VERIFICATION,
        "Verifikasi lapangan RJK-2026-000001");
    // the timeline names the day in words and the profession asked, never the group's code
    verify(caseFile).record("RJK-2026-000001", EventType.HOME_VISITED, "fasilitator",
        "Verifikasi lapangan 26 November 2026: Rumah semi permanen; data registri sesuai; pendapat diminta dari "
            + "tenaga kesehatan; data valid");
  }

  @Test
  void anOpinionIsRecordedUnderTheProfessionsName() {
    assertThat(service.recordOpinion("RJK-2026-000001", "nakes", "Perlu kontrol rutin", "nakes"))
        .isEqualTo("Tenaga kesehatan: Perlu kontrol rutin");
    verify(caseFile).record("RJK-2026-000001", EventType.OPINION_GIVEN, "nakes",
        "Pendapat Tenaga kesehatan: Perlu kontrol rutin");
  }

  @Test
  void deceasedResidentCannotBeDeclaredValid() {
    InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
        () -> service.recordFieldVerification("RJK-2026-000001", visit("VALID", true, null, null), "fasilitator"));

    assertThat(refused.errors()).extracting(FieldError::field).containsExactly("verificationResult");
    verify(registry, never()).correct(anyLong(), anyMap(), anyString(), any(), anyString());
  }

  @Test
  void listedResidentNeedsADesilAndTheVisitCannotBeInTheFuture() {
    FieldVerification v = visit("VALID", false, "LISTED", 11L);
    FieldVerification future = new FieldVerification("2026-11-28", v.findings(), v.address(), "12a", v.rw(), "555",
        v.dtksStatus(), v.desil(), false, false, List.of("polisi"), "VALID", null);

    assertThat(catchThrowableOfType(InvalidInputException.class,
        () -> service.recordFieldVerification("RJK-2026-000001", future, "fasilitator")).errors())
        .extracting(FieldError::field)
        .containsExactly("visitDate", "correctedRt", "correctedPhone", "desil", "opinionsRequested");
  }

  @Test
  void aVisitBeforeTheComplaintOrInTheFutureIsRefusedWithTheDateAsUnderstood() {
    when(registry.get(7L)).thenReturn(resident(DtksStatus.LISTED, null, false));

    assertThat(visitRefused("2026-01-19")).containsExactly(
        new FieldError("visitDate", "Tanggal kunjungan (19/01/2026) sebelum pengaduan diterima (20/11/2026)"));
    assertThat(visitRefused("2026-11-19")).containsExactly(
        new FieldError("visitDate", "Tanggal kunjungan (19/11/2026) sebelum pengaduan diterima (20/11/2026)"));
    assertThat(visitRefused("2026-11-28")).containsExactly(
        new FieldError("visitDate", "Tanggal kunjungan (28/11/2026) tidak boleh di masa depan; hari ini 27/11/2026"));
    verify(registry, never()).correct(anyLong(), anyMap(), anyString(), any(), anyString());

    service.recordFieldVerification("RJK-2026-000001", visitOn("2026-11-20"), "fasilitator");
    service.recordFieldVerification("RJK-2026-000001", visitOn("2026-11-27"), "fasilitator");
    verify(registry, times(2)).markVerified(anyLong(), anyString(), any(), anyString());
  }

  private List<FieldError> visitRefused(String date) {
    return catchThrowableOfType(InvalidInputException.class,
        () -> service.recordFieldVerification("RJK-2026-000001", visitOn(date), "fasilitator")).errors();
  }

  private static FieldVerification visitOn(String date) {
    FieldVerification v = visit("VALID", false, "LISTED", 3L);
    return new FieldVerification(date, v.findings(), v.address(), v.rt(), v.rw(), v.phone(), v.dtksStatus(),
        v.desil(), false, false, List.of(), "VALID", null);
  }
}
