package id.puskesos.rujukan.referral;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.common.PersonalData;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.registry.AccessLog;
import id.puskesos.rujukan.registry.ContactRules;

/**
 * Finds cases by number, NIK, KK, name or RT/RW, newest first, a page at a time, among the cases the caller may see
 * ({@link CaseAccess#visibility()}): Puskesos staff every case, a partner's staff the cases sent to it, the city SLRT
 * those escalated to it. A hit shows the NIK masked; a search by NIK or KK is a look-up of a person and is written to
 * the access log for each resident found.
 */
@Service
@Transactional(readOnly = true)
public class ReferralSearch {

  /**
   * What to look for; null or blank fields are not filters. {@code q} is one box that reads any of them;
   * {@code puskesos} a kelurahan code, for whoever works for several (a partner's worklist by kelurahan).
   */
  public record Criteria(String q, String number, String nik, String kk, String name, String rt, String rw,
      String status, String page, String size, String puskesos) {
  }

  public record Hit(String referralNumber, String status, String stage, String stageLabel, String residentName,
      String nikMasked, String rt, String rw, String kelurahan, boolean urgent, OffsetDateTime receivedAt,
      String puskesos, String url) {
  }

  public record Page(long total, int page, int size, List<Hit> items) {
  }

  static final int DEFAULT_SIZE = 20;
  static final int MAX_SIZE = 100;
  private static final Pattern SIXTEEN_DIGITS = Pattern.compile("\\d{16}");
  private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9-]{3,32}");
  private static final Pattern TENANT = Pattern.compile("\\d{10}");
  private static final Pattern RT_SLASH_RW = Pattern.compile("(\\d{1,3})\\s*/\\s*(\\d{1,3})");

  private final JdbcClient jdbc;
  private final CaseAccess caseAccess;
  private final AccessLog accessLog;

  public ReferralSearch(JdbcClient jdbc, CaseAccess caseAccess, AccessLog accessLog) {
    this.jdbc = jdbc;
    this.caseAccess = caseAccess;
    this.accessLog = accessLog;
  }

  public Page search(Criteria criteria, String actor) {
    Filters f = Filters.of(criteria);
    CaseAccess.Visibility visibility = caseAccess.visibility();
    if (f.name != null && f.puskesos == null && reachesSeveralPuskesos(visibility)) {
      // a name matched anywhere in it cannot use an index: across the city's 2.5 million residents it took 9.5 s
      // (docs/operations.md, "City scale"); within one Puskesos, or by NIK or number, it is an index's work
      throw new InvalidInputException("puskesos", "Pencarian menurut nama mencakup seluruh kota: pilih Puskesos "
          + "(kode kelurahan), atau cari menurut NIK, nomor KK atau nomor rujukan");
    }
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    if (!visibility.all()) {
      List<String> scopes = new ArrayList<>();
      if (visibility.escalated()) {
        scopes.add("EXISTS (SELECT 1 FROM escalation e WHERE e.referral_number = r.referral_number)");
      }
      if (!visibility.partnerCodes().isEmpty()) {
        scopes.add("""
            EXISTS (SELECT 1 FROM program_referral p WHERE p.referral_number = r.referral_number
                    AND p.status <> 'NOT_SENT' AND p.partner_code IN (:partners))""");
        params.put("partners", List.copyOf(visibility.partnerCodes()));
      }
      where.append(" AND (").append(scopes.isEmpty() ? "1 = 0" : String.join(" OR ", scopes)).append(')');
    }
    visibility.tenants().ifPresent(tenants -> {
      where.append(tenants.isEmpty() ? " AND 1 = 0" : " AND r.tenant_id IN (:tenants)");
      params.put("tenants", List.copyOf(tenants));
    });
    f.appendTo(where, params);
    long total = query("SELECT COUNT(*) FROM referral r JOIN resident s ON s.id = r.resident_id" + where, params)
        .query(Long.class).single();
    List<Row> rows = query("""
        SELECT r.referral_number, r.status, r.stage, r.urgent, r.received_at, r.tenant_id, s.id, s.full_name, s.nik,
               s.rt, s.rw, s.kelurahan
        FROM referral r JOIN resident s ON s.id = r.resident_id""" + where
        + " ORDER BY r.received_at DESC, r.referral_number DESC OFFSET " + (long) f.page * f.size + " ROWS FETCH NEXT "
        + f.size + " ROWS ONLY", params)
        .query((rs, i) -> new Row(rs.getLong("id"), new Hit(rs.getString("referral_number"), rs.getString("status"),
            rs.getString("stage"), Stage.valueOf(rs.getString("stage")).label(), rs.getString("full_name"),
            PersonalData.maskNik(rs.getString("nik")), rs.getString("rt"), rs.getString("rw"),
            rs.getString("kelurahan"), rs.getBoolean("urgent"), rs.getObject("received_at", OffsetDateTime.class),
            rs.getString("tenant_id"), "/api/referrals/" + rs.getString("referral_number"))))
        .list();
    if (f.identifiesPerson()) {
      rows.stream().map(Row::residentId).distinct().forEach(id -> accessLog.record(id, AccessLog.Purpose.CASE_SEARCH,
          "Pencarian kasus menurut " + (f.nik != null ? "NIK" : "KK"), actor));
    }
    return new Page(total, f.page, f.size, rows.stream().map(Row::hit).toList());
  }

  /** Whether the caller's search spans more than one Puskesos (a partner, the city SLRT, an administrator). */
  private boolean reachesSeveralPuskesos(CaseAccess.Visibility visibility) {
    return visibility.tenants().map(tenants -> tenants.size() > 1)
        .orElseGet(() -> jdbc.sql("SELECT COUNT(*) FROM puskesos").query(Long.class).single() > 1);
  }

  private JdbcClient.StatementSpec query(String sql, Map<String, Object> params) {
    return jdbc.sql(sql).params(params);
  }

  private record Row(long residentId, Hit hit) {
  }

  /** The criteria checked and normalised: the form the database holds them in. */
  private static final class Filters {
    String number;
    String nik;
    String kk;
    String name;
    String rt;
    String rw;
    String status;
    String puskesos;
    int page;
    int size;

    static Filters of(Criteria c) {
      Checks checks = new Checks();
      Filters f = new Filters();
      f.readBox(c.q());
      f.number = blank(c.number()) ? f.number : c.number().trim();
      f.nik = blank(c.nik()) ? f.nik : c.nik().trim();
      f.kk = blank(c.kk()) ? f.kk : c.kk().trim();
      f.name = blank(c.name()) ? f.name : c.name().trim();
      f.rt = blank(c.rt()) ? f.rt : ContactRules.rtRw(checks, CaseVariables.RT.name(), c.rt(), "RT");
      f.rw = blank(c.rw()) ? f.rw : ContactRules.rtRw(checks, CaseVariables.RW.name(), c.rw(), "RW");
      checks.check(f.number == null || NUMBER.matcher(f.number).matches(), "number",
          "Nomor rujukan hanya berisi huruf, angka dan tanda '-' (3 sampai 32 karakter)");
      checks.check(f.nik == null || SIXTEEN_DIGITS.matcher(f.nik).matches(), CaseVariables.NIK.name(), "NIK harus 16 digit angka");
      checks.check(f.kk == null || SIXTEEN_DIGITS.matcher(f.kk).matches(), "kk", "Nomor KK harus 16 digit angka");
      checks.check(f.name == null || f.name.length() >= 3 && f.name.length() <= 120, "name",
          "Nama yang dicari minimal 3 huruf");
      if (!blank(c.status())) {
        f.status = c.status().trim().toUpperCase(Locale.ROOT);
        checks.check(f.status.equals("OPEN") || f.status.equals("CLOSED"), "status",
            "Status harus OPEN (berjalan) atau CLOSED (selesai)");
      }
      if (!blank(c.puskesos())) {
        f.puskesos = c.puskesos().trim();
        checks.check(TENANT.matcher(f.puskesos).matches(), "puskesos", "Kode kelurahan Puskesos harus 10 digit angka");
      }
      f.page = whole(c.page(), 0);
      f.size = whole(c.size(), DEFAULT_SIZE);
      checks.check(f.page >= 0 && f.page <= 100_000, "page", "Halaman harus angka 0 sampai 100000");
      checks.check(f.size >= 1 && f.size <= MAX_SIZE, "size", "Jumlah per halaman harus angka 1 sampai " + MAX_SIZE);
      checks.throwIfAny();
      return f;
    }

    /** One search box: a 16-digit number is a NIK or a KK, "3/5" an RT/RW, RJK-... a case number, else a name. */
    private void readBox(String q) {
      if (blank(q)) {
        return;
      }
      String v = q.trim();
      var rtRw = RT_SLASH_RW.matcher(v);
      if (SIXTEEN_DIGITS.matcher(v).matches()) {
        nik = v; // matched against the NIK and the KK below
        kk = v;
      } else if (rtRw.matches()) {
        rt = "%03d".formatted(Integer.parseInt(rtRw.group(1)));
        rw = "%03d".formatted(Integer.parseInt(rtRw.group(2)));
      } else if (v.toUpperCase(Locale.ROOT).startsWith("RJK") || v.matches("\\d{1,6}")) {
        number = v;
      } else {
        name = v;
      }
    }

    boolean identifiesPerson() {
      return nik != null || kk != null;
    }

    void appendTo(StringBuilder where, Map<String, Object> params) {
      if (puskesos != null) {
        where.append(" AND r.tenant_id = :puskesos");
        params.put("puskesos", puskesos);
      }
      if (number != null) {
        where.append(" AND r.referral_number LIKE :number");
        params.put("number", "%" + likeEscaped(number.toUpperCase(Locale.ROOT)) + "%");
      }
      if (nik != null && nik.equals(kk)) {
        where.append(" AND (s.nik = :identity OR s.kk_number = :identity)");
        params.put("identity", nik);
      } else {
        if (nik != null) {
          where.append(" AND s.nik = :person");
          params.put("person", nik);
        }
        if (kk != null) {
          where.append(" AND s.kk_number = :kk");
          params.put("kk", kk);
        }
      }
      if (name != null) {
        where.append(" AND LOWER(s.full_name) LIKE :name");
        params.put("name", "%" + likeEscaped(name.toLowerCase(Locale.ROOT)) + "%");
      }
      if (rt != null) {
        where.append(" AND s.rt = :neighbourhood");
        params.put("neighbourhood", rt);
      }
      if (rw != null) {
        where.append(" AND s.rw = :hamlet");
        params.put("hamlet", rw);
      }
      if (status != null) {
        where.append(" AND r.status = :status");
        params.put("status", status);
      }
    }

    private static String likeEscaped(String v) {
      return v.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The whole number given, the default when none, -1 (refused by the caller's check) when not a number. */
    private static int whole(String v, int absent) {
      if (blank(v)) {
        return absent;
      }
      return v.trim().matches("\\d{1,6}") ? Integer.parseInt(v.trim()) : -1;
    }

    private static boolean blank(String v) {
      return v == null || v.isBlank();
    }
  }
}
