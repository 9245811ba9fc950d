package id.puskesos.rujukan.simulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.distribution.FacilitationFigures;
import id.puskesos.rujukan.referral.EventType;

/**
 * The cases received in a past period as they stand now (read only): what the facilitation figures read of each
 * ({@link FacilitationFigures#cases}), its resident's name (to be masked), the day it was first routed, and the amount
 * each of its programs asked of a budget (the commitment's, else the grant recorded).
 */
@Component
class PastCases {

  /** A past case; {@code routedOn}: the day routing first ran for it, else the day it was received (Bandung). */
  record PastCase(FacilitationFigures.Case actual, String residentName, LocalDate routedOn, Map<String, Long> amounts) {

    String number() {
      return actual.referralNumber();
    }
  }

  private final JdbcClient jdbc;
  private final FacilitationFigures figures;

  PastCases(JdbcClient jdbc, FacilitationFigures figures) {
    this.jdbc = jdbc;
    this.figures = figures;
  }

  @Transactional(readOnly = true)
  List<PastCase> received(LocalDate from, LocalDate to) {
    OffsetDateTime start = from.atStartOfDay(Dates.BANDUNG).toOffsetDateTime();
    OffsetDateTime end = to.plusDays(1).atStartOfDay(Dates.BANDUNG).toOffsetDateTime();
    Map<String, String> names = new HashMap<>();
    Map<String, LocalDate> routed = new HashMap<>();
    jdbc.sql("""
        SELECT r.referral_number, s.full_name, r.received_at,
               (SELECT MIN(e.occurred_at) FROM referral_event e
                WHERE e.referral_number = r.referral_number AND e.event_type = ?) AS routed_at
        FROM referral r JOIN resident s ON s.id = r.resident_id
        WHERE r.received_at >= ? AND r.received_at < ?""")
        .params(EventType.ROUTED.name(), start, end).query(rs -> {
          String number = rs.getString("referral_number");
          names.put(number, rs.getString("full_name"));
          OffsetDateTime at = rs.getObject("routed_at", OffsetDateTime.class);
          routed.put(number, (at == null ? rs.getObject("received_at", OffsetDateTime.class) : at)
              .atZoneSameInstant(Dates.BANDUNG).toLocalDate());
        });
    Map<String, Map<String, Long>> amounts = new HashMap<>();
    jdbc.sql("""
        SELECT p.referral_number, p.program_code, c.amount, p.aid_amount
        FROM program_referral p JOIN referral r ON r.referral_number = p.referral_number
        LEFT JOIN budget_commitment c ON c.referral_number = p.referral_number AND c.program_code = p.program_code
        WHERE r.received_at >= ? AND r.received_at < ?""")
        .params(start, end).query(rs -> {
          Long committed = rs.getObject("amount", Long.class);
          BigDecimal granted = rs.getBigDecimal("aid_amount");
          Long amount = committed != null ? committed : granted == null ? null : granted.longValue();
          if (amount != null) {
            amounts.computeIfAbsent(rs.getString("referral_number"), n -> new HashMap<>())
                .put(rs.getString("program_code"), amount);
          }
        });
    List<PastCase> cases = new ArrayList<>();
    for (FacilitationFigures.Case c : figures.cases(from, to)) {
      String number = c.referralNumber();
      cases.add(new PastCase(c, names.getOrDefault(number, ""), routed.getOrDefault(number, from),
          amounts.getOrDefault(number, Map.of())));
    }
    return cases;
  }
}
