package id.puskesos.rujukan.sla;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Dates;

/**
 * At start-up, fills the table for each year of {@code rujukan.calendar.holidays} that has no row yet, so an
 * installation keeps the list it configured; after that the table is the calendar and the list is not read again
 * for that year. Warns when this year or the next holds fewer days off than an SKB gives.
 */
@Component
public class CalendarSeed implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarSeed.class);
  /** A year's SKB has some twenty-five days off: a shorter list is missing its religious holidays. */
  private static final int FEWEST_EXPECTED = 15;

  private final DaysOff daysOff;
  private final SlaSettings.Calendar settings;
  private final CurrentCalendar current;
  private final TransactionTemplate transactions;

  public CalendarSeed(DaysOff daysOff, SlaSettings.Calendar settings, CurrentCalendar current,
      PlatformTransactionManager transactions) {
    this.daysOff = daysOff;
    this.settings = settings;
    this.current = current;
    this.transactions = new TransactionTemplate(transactions);
  }

  @Override
  public void run(ApplicationArguments args) {
    settings.holidays().forEach(this::seed);
    WorkingCalendar calendar = current.reload();
    int year = LocalDate.now(Dates.BANDUNG).getYear();
    for (int y : new int[] {year, year + 1}) {
      if (calendar.daysOffListed(y) < FEWEST_EXPECTED) {
        LOG.warn("The working calendar for {} has {} days off: add that year's national holidays and cuti bersama "
            + "(SKB 3 Menteri) on the page /calendar/ or with PUT /api/calendar/holidays/{{date}}", y,
            calendar.daysOffListed(y));
      }
    }
  }

  private void seed(Integer year, List<LocalDate> dates) {
    if (daysOff.hasYear(year)) {
      return;
    }
    try {
      transactions.executeWithoutResult(status -> {
        if (!daysOff.hasYear(year)) {
          dates.forEach(date -> daysOff.put(date, DaysOff.Kind.HOLIDAY, "Hari libur (dari konfigurasi)",
              "rujukan.calendar.holidays", Actors.SYSTEM));
        }
      });
      LOG.info("Working calendar {}: {} days off from rujukan.calendar.holidays", year, dates.size());
    } catch (DuplicateKeyException e) {
      LOG.info("Working calendar {}: seeded by another node", year); // nodes starting together
    }
  }
}
