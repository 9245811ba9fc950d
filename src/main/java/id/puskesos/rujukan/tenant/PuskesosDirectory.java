package id.puskesos.rujukan.tenant;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.common.ForbiddenException;
import id.puskesos.rujukan.common.InvalidInputException;

/**
 * The Puskesos of the installation ({@code puskesos}, one row per tenant) and which of them a new case belongs to:
 * the one its front office works for. A user who works for several (the city SLRT entering a case) names it.
 */
@Component
public class PuskesosDirectory {

  /** The request field that names the Puskesos. */
  public static final String FIELD = "puskesos";

  private final JdbcClient jdbc;
  private final CaseAccess caseAccess;

  public PuskesosDirectory(JdbcClient jdbc, CaseAccess caseAccess) {
    this.jdbc = jdbc;
    this.caseAccess = caseAccess;
  }

  public List<Puskesos> all() {
    return jdbc.sql("SELECT tenant_id, name, kecamatan FROM puskesos ORDER BY kecamatan, name")
        .query(Puskesos.class).list();
  }

  public Optional<Puskesos> find(String tenantId) {
    return jdbc.sql("SELECT tenant_id, name, kecamatan FROM puskesos WHERE tenant_id = ?").param(tenantId)
        .query(Puskesos.class).optional();
  }

  /** The Puskesos of a case, for its letters and messages; the first one's name for a case without one. */
  public Puskesos of(String tenantId) {
    return find(tenantId).orElseThrow(() -> new IllegalStateException("Puskesos " + tenantId + " tidak terdaftar"));
  }

  /**
   * The Puskesos a new case opened by the caller belongs to: the one named, which must be the caller's; else the
   * caller's only one. 400 when it is not clear which, 403 when the caller does not work for the one named.
   */
  public String forNewCase(String requested) {
    Set<String> candidates = caseAccess.tenants()
        .orElseGet(() -> Set.copyOf(all().stream().map(Puskesos::tenantId).toList()));
    if (requested != null && !requested.isBlank()) {
      String code = requested.trim();
      if (find(code).isEmpty()) {
        throw new InvalidInputException(FIELD, "Puskesos dengan kode kelurahan " + code + " tidak terdaftar");
      }
      if (!candidates.contains(code)) {
        throw new ForbiddenException("Anda bukan petugas Puskesos " + of(code).name());
      }
      return code;
    }
    if (candidates.size() == 1) {
      return candidates.iterator().next();
    }
    throw new InvalidInputException(FIELD, candidates.isEmpty() ? "Akun ini bukan petugas Puskesos mana pun"
        : "Pilih Puskesos (kode kelurahan) tempat pengaduan diterima");
  }
}
