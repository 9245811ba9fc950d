package id.puskesos.rujukan.registry;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The residents table. */
@Repository
public class ResidentRepository {

  private static final String COLUMNS =
      "id, nik, kk_number, full_name, birth_date, sex, address, rt, rw, kelurahan, phone";

  private final JdbcClient jdbc;
  private final Clock clock;

  public ResidentRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The resident with this NIK, created from the intake's details if new, and locked until the transaction ends
   * so that two intakes for one resident are handled one after the other. Contact details are refreshed from
   * the newest intake. Two first intakes for the same new NIK at the same moment: the second fails on the unique
   * NIK and is retried by the caller.
   */
  public Resident lockOrCreate(ResidentDetails details) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Optional<Resident> existing = jdbc.sql("SELECT " + COLUMNS + " FROM resident WHERE nik = ? FOR UPDATE")
        .param(details.nik()).query(this::map).optional();
    if (existing.isEmpty()) {
      jdbc.sql("""
          INSERT INTO resident (nik, kk_number, full_name, birth_date, sex, address, rt, rw, kelurahan, phone,
                                created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(details.nik(), details.kkNumber(), details.fullName(), details.birthDate(), details.sex().name(),
              details.address(), details.rt(), details.rw(), details.kelurahan(), details.phone(), now, now)
          .update();
    } else {
      jdbc.sql("""
          UPDATE resident SET address = ?, rt = ?, rw = ?, kelurahan = ?, phone = COALESCE(?, phone), updated_at = ?
          WHERE nik = ?""")
          .params(details.address(), details.rt(), details.rw(), details.kelurahan(), details.phone(), now,
              details.nik())
          .update();
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM resident WHERE nik = ? FOR UPDATE")
        .param(details.nik()).query(this::map).single();
  }

  public Optional<Resident> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM resident WHERE id = ?").param(id).query(this::map).optional();
  }

  /** Records what verification found and who verified it (the registry's "last verified" facts). */
  public void recordVerification(long residentId, RegistryCheck check, String verifiedBy) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("""
        UPDATE resident SET dtks_status = ?, desil = ?, registry_updated_on = ?, deceased_or_moved = ?,
                            verified_at = ?, verified_by = ?, updated_at = ?
        WHERE id = ?""")
        .params(check.dtksStatus().name(), check.desil(), check.registryUpdatedOn(), check.deceasedOrMoved(),
            now, verifiedBy, now, residentId)
        .update();
  }

  private Resident map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Resident(rs.getLong("id"), rs.getString("nik"), rs.getString("kk_number"), rs.getString("full_name"),
        rs.getObject("birth_date", java.time.LocalDate.class), Sex.valueOf(rs.getString("sex").trim()),
        rs.getString("address"), rs.getString("rt"), rs.getString("rw"), rs.getString("kelurahan"),
        rs.getString("phone"));
  }
}
