package id.puskesos.rujukan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.access.CommandAuthority;
import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.catalogue.AidKind;
import id.puskesos.rujukan.catalogue.BudgetPeriod;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.FieldError;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.Channel;
import id.puskesos.rujukan.referral.EventType;
import id.puskesos.rujukan.referral.ReferralRecord;
import id.puskesos.rujukan.referral.Stage;

/** The handover's date against the case's own timeline: the complaint, the service confirmation, today in Bandung. */
class DistributionDatesTest {

  private static final String NUMBER = "RJK-2026-000042";
  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private final CaseFile caseFile = mock(CaseFile.class);
  private final ProgramCatalogue catalogue = mock(ProgramCatalogue.class);
  private final Budgets budgets = mock(Budgets.class);
  private DistributionService service;

  @BeforeEach
  void caseReceivedOnTheTwentyFifthAndConfirmedOnTheThirtieth() {
    when(catalogue.program("SALMAN_LAYANAN")).thenReturn(new Program("SALMAN_LAYANAN", "Pendampingan", "SALMAN",
        AidKind.SERVICE, "kali", null, BudgetPeriod.MONTH, false, true, null, null, null));
    when(caseFile.get(NUMBER)).thenReturn(new ReferralRecord(NUMBER, 7, "pi", Channel.WALK_IN, false, true,
        Stage.DISTRIBUTION, null, null, OffsetDateTime.parse("2026-11-25T08:30:00+07:00"), "fo", null, null, "3273021006"));
    // PostgreSQL hands the confirmation back in UTC: 30 November 06:00 WIB is 29 November 23:00 UTC
    when(caseFile.serviceConfirmedAt(NUMBER, "SALMAN_LAYANAN"))
        .thenReturn(OffsetDateTime.parse("2026-11-29T23:00:00Z"));
    // 00:30 WIB on 2 December 2026; UTC's date is still the 1st
    Clock clock = Clock.fixed(LocalDate.of(2026, 12, 2).atTime(0, 30).atZone(WIB).toInstant(), ZoneOffset.UTC);
    // nobody signed in: the engine's own step, which the partner check lets pass
    service = new DistributionService(caseFile, catalogue, budgets,
        new CommandAuthority(mock(IdentityService.class), catalogue),
        mock(id.puskesos.rujukan.inbound.ReceiptQuestions.class), clock);
  }

  private DistributionService.Recorded handOver(String date) {
    return service.record(NUMBER, "SALMAN_LAYANAN", date, null, "Pendampingan ke Puskesmas", null, "Puskesmas",
        "Petugas Salman", "BA-7", true, true, "salman");
  }

  private FieldError refused(String date) {
    return catchThrowableOfType(InvalidInputException.class, () -> handOver(date)).errors().get(0);
  }

  @Test
  void aHandoverBeforeTheComplaintIsRefusedNamingTheFieldAndBothDays() {
    assertThat(refused("2026-11-20")).isEqualTo(new FieldError("distributionDate",
        "Tanggal penyerahan (20/11/2026) sebelum pengaduan diterima (25/11/2026)"));
    verify(caseFile, never()).recordDistribution(anyString(), anyString(), any(), anyString());
    verifyNoInteractions(budgets);
  }

  @Test
  void aHandoverBeforeTheServiceWasConfirmedOnItsDayInBandungIsRefused() {
    assertThat(refused("2026-11-29")).isEqualTo(new FieldError("distributionDate",
        "Tanggal penyerahan (29/11/2026) sebelum layanan ditetapkan (30/11/2026)"));
  }

  @Test
  void aHandoverAfterTodayInBandungIsRefused() {
    assertThat(refused("2026-12-03")).isEqualTo(new FieldError("distributionDate",
        "Tanggal penyerahan (03/12/2026) tidak boleh di masa depan; hari ini 02/12/2026"));
  }

  @Test
  void aHandoverFromTheConfirmationDayToTodayInBandungIsRecordedAndWrittenTheIndonesianWay() {
    handOver("2026-11-30");
    handOver("2026-12-02");

    verify(caseFile).record(eq(NUMBER), eq(EventType.AID_DISTRIBUTED), eq("salman"),
        eq("Bantuan Pendampingan diserahkan 30 November 2026 di Puskesmas: Pendampingan ke Puskesmas (bukti BA-7)"), eq("SALMAN_LAYANAN"));
    verify(caseFile).record(eq(NUMBER), eq(EventType.AID_DISTRIBUTED), eq("salman"),
        eq("Bantuan Pendampingan diserahkan 2 Desember 2026 di Puskesmas: Pendampingan ke Puskesmas (bukti BA-7)"), eq("SALMAN_LAYANAN"));
  }
}
