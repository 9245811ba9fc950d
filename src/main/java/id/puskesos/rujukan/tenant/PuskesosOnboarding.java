package id.puskesos.rujukan.tenant;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.registry.IdentityNumbers;

/**
 * A Puskesos joins the city's installation in one administrator action (docs/operations.md, "A new Puskesos"): its
 * row, its Camunda tenant, the city-wide groups as members of it (every partner's staff, the city SLRT, the analysts:
 * they work for every Puskesos) and its staff as members (a user works for one Puskesos). The kecamatan is read off
 * the kelurahan code. Checked before anything is written, written in one transaction; the same request again changes
 * nothing. At start-up every Puskesos gets what it lacks (a partner onboarded since, the first Puskesos of V37).
 */
@Service
@Transactional
public class PuskesosOnboarding {

  /** What one part of the onboarding did. */
  public enum Outcome {
    DIBUAT, SUDAH_ADA
  }

  public record Step(String part, Outcome outcome) {
  }

  public record Request(String code, String name, List<String> staff) {

    public Request {
      staff = staff == null ? List.of() : staff;
    }
  }

  public record Result(Puskesos puskesos, List<Step> steps) {
  }

  /** A kelurahan (1xxx) or desa (2xxx) code of Kepmendagri's list, without dots. */
  private static final Pattern CODE = Pattern.compile("\\d{6}[12]\\d{3}");

  private final PuskesosDirectory directory;
  private final IdentityService identityService;
  private final ProgramCatalogue catalogue;
  private final IdentityNumbers regions;
  private final JdbcClient jdbc;
  private final Clock clock;

  public PuskesosOnboarding(PuskesosDirectory directory, IdentityService identityService,
      ProgramCatalogue catalogue, IdentityNumbers regions, JdbcClient jdbc, Clock clock) {
    this.directory = directory;
    this.identityService = identityService;
    this.catalogue = catalogue;
    this.regions = regions;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Result onboard(Request request, String actor) {
    String code = request.code() == null ? "" : request.code().trim();
    String name = request.name() == null ? "" : request.name().trim();
    Checks checks = new Checks();
    checks.check(CODE.matcher(code).matches(), "code",
        "Kode kelurahan harus 10 digit kode Kemendagri tanpa titik, contoh 3273021006");
    String kecamatan = CODE.matcher(code).matches() ? regions.regionName(code.substring(0, 6)).orElse(null) : null;
    checks.check(!CODE.matcher(code).matches() || kecamatan != null, "code",
        "Kecamatan " + (code.length() >= 6 ? code.substring(0, 6) : code) + " tidak dikenal (registry/regions.csv)");
    checks.check(name.length() >= 3 && name.length() <= 100, "name", "Nama kelurahan 3 sampai 100 huruf");
    directory.find(code).filter(p -> !p.name().equals(name)).ifPresent(p -> checks.check(false, "code",
        "Kode " + code + " sudah dipakai Puskesos " + p.name()));
    directory.all().stream().filter(p -> p.name().equalsIgnoreCase(name) && !p.tenantId().equals(code)).findFirst()
        .ifPresent(p -> checks.check(false, "name", "Puskesos " + name + " sudah terdaftar dengan kode " + p.tenantId()));
    for (String user : request.staff()) {
      checks.check(identityService.createUserQuery().userId(user).count() == 1, "staff",
          "Pengguna " + user + " tidak ada; buat dulu di Camunda Admin");
      identityService.createTenantQuery().userMember(user).list().stream()
          .filter(t -> !t.getId().equals(code)).findFirst().ifPresent(t -> checks.check(false, "staff",
              "Pengguna " + user + " sudah petugas " + t.getName()));
    }
    checks.throwIfAny();

    List<Step> steps = new ArrayList<>();
    boolean exists = directory.find(code).isPresent();
    if (!exists) {
      jdbc.sql("INSERT INTO puskesos (tenant_id, name, kecamatan, created_at, created_by) VALUES (?, ?, ?, ?, ?)")
          .params(code, name, kecamatan, OffsetDateTime.now(clock), actor).update();
    }
    steps.add(new Step("Puskesos " + name, exists ? Outcome.SUDAH_ADA : Outcome.DIBUAT));
    steps.addAll(ensureTenant(directory.of(code)));
    for (String user : request.staff()) {
      boolean member = identityService.createTenantQuery().tenantId(code).userMember(user).count() > 0;
      if (!member) {
        identityService.createTenantUserMembership(code, user);
      }
      steps.add(new Step("Petugas " + user, member ? Outcome.SUDAH_ADA : Outcome.DIBUAT));
    }
    return new Result(directory.of(code), steps);
  }

  /** Every Puskesos gets what it lacks: its tenant, the city-wide groups (created since, by the demo among others). */
  @EventListener(ApplicationStartedEvent.class)
  public void ensureAll() {
    directory.all().forEach(this::ensureTenant);
  }

  /** A partner onboarded later works for every Puskesos too. */
  public boolean addCityWideGroup(String group) {
    boolean added = false;
    for (Puskesos puskesos : directory.all()) {
      added |= ensureMember(puskesos.tenantId(), group);
    }
    return added;
  }

  private List<Step> ensureTenant(Puskesos puskesos) {
    List<Step> steps = new ArrayList<>();
    boolean exists = identityService.createTenantQuery().tenantId(puskesos.tenantId()).count() > 0;
    if (!exists) {
      Tenant tenant = identityService.newTenant(puskesos.tenantId());
      tenant.setName(puskesos.title());
      identityService.saveTenant(tenant);
    }
    steps.add(new Step("Tenant Camunda " + puskesos.tenantId(), exists ? Outcome.SUDAH_ADA : Outcome.DIBUAT));
    boolean added = false;
    for (String group : cityWideGroups()) {
      added |= ensureMember(puskesos.tenantId(), group);
    }
    steps.add(new Step("Mitra, SLRT kota dan analis sebagai anggota", added ? Outcome.DIBUAT : Outcome.SUDAH_ADA));
    return steps;
  }

  /** The groups that work for every Puskesos: every partner's staff, the city SLRT, the analysts. */
  private List<String> cityWideGroups() {
    List<String> groups = new ArrayList<>(catalogue.partners().stream().map(Partner::group).toList());
    groups.add(Groups.SLRT);
    groups.add(Groups.ANALIS);
    return groups.stream().distinct().toList();
  }

  private boolean ensureMember(String tenantId, String group) {
    if (identityService.createGroupQuery().groupId(group).count() == 0
        || identityService.createTenantQuery().tenantId(tenantId).groupMember(group).count() > 0) {
      return false;
    }
    identityService.createTenantGroupMembership(tenantId, group);
    return true;
  }
}
