package id.puskesos.rujukan.security;

import static id.puskesos.rujukan.common.Groups.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.tenant.PuskesosOnboarding;

/**
 * The demo profile's users (password {@code demo}), one per role, and their groups; two Puskesos, Lebak Siliwangi
 * (whose staff are {@code fo}, {@code bo}...) and Dago ({@code fodago}, {@code bodago}...). Idempotent: what exists already is left as it is. Nothing of this exists outside the demo profile.
 */
@Component
@Profile("demo")
public class DemoData implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  static final String PASSWORD = "demo";

  private record DemoUser(String id, String firstName, String lastName, String group, String puskesos) {

    DemoUser(String id, String firstName, String lastName, String group) {
      this(id, firstName, lastName, group, null);
    }
  }

  /** The demo's two Puskesos, neighbours in Kecamatan Coblong (kelurahan codes: docs/operations.md). */
  static final String LEBAK_SILIWANGI = "3273021006";
  static final String DAGO = "3273021005";

  private static final Map<String, String> GROUP_NAMES = new LinkedHashMap<>();

  static {
    GROUP_NAMES.put(FRONT_OFFICE, "Front office Puskesos");
    GROUP_NAMES.put(FASILITATOR, "Fasilitator Puskesos");
    GROUP_NAMES.put(BACK_OFFICE, "Back office Puskesos");
    GROUP_NAMES.put(KOORDINATOR, "Koordinator Puskesos");
    GROUP_NAMES.put(DINSOS, "Dinas Sosial Kota Bandung");
    GROUP_NAMES.put(BAZNAS, "BAZNAS Kota Bandung");
    GROUP_NAMES.put(SALMAN, "Rumah Amal Salman");
    GROUP_NAMES.put(PUSKESMAS, "Puskesmas kelurahan");
    GROUP_NAMES.put(DISDUKCAPIL, "Disdukcapil Kota Bandung");
    GROUP_NAMES.put(DPKP, "Dinas Perumahan dan Kawasan Permukiman Kota Bandung");
    GROUP_NAMES.put(NAKES, "Tenaga kesehatan (Puskesmas)");
    GROUP_NAMES.put(BABINSA, "Babinsa");
    GROUP_NAMES.put(SLRT, "SLRT Kota Bandung (Cetar Juara)");
    GROUP_NAMES.put(MANAJER, "Manajer layanan");
    GROUP_NAMES.put(ANALIS, "Analis proses");
    GROUP_NAMES.put(ADMIN, "Administrator");
  }

  private static final List<DemoUser> USERS = List.of(
      new DemoUser("fo", "Front", "Office", FRONT_OFFICE, LEBAK_SILIWANGI),
      new DemoUser("fasilitator", "Fasilitator", "Puskesos", FASILITATOR, LEBAK_SILIWANGI),
      new DemoUser("bo", "Back", "Office", BACK_OFFICE, LEBAK_SILIWANGI),
      new DemoUser("koordinator", "Koordinator", "Puskesos", KOORDINATOR, LEBAK_SILIWANGI),
      new DemoUser("dinsos", "Petugas", "Dinsos", DINSOS),
      new DemoUser("baznas", "Petugas", "BAZNAS", BAZNAS),
      new DemoUser("salman", "Petugas", "Salman", SALMAN),
      new DemoUser("puskesmas", "Petugas", "Puskesmas", PUSKESMAS),
      new DemoUser("disdukcapil", "Petugas", "Disdukcapil", DISDUKCAPIL),
      new DemoUser("dpkp", "Petugas", "DPKP", DPKP),
      new DemoUser("nakes", "Tenaga", "Kesehatan", NAKES, LEBAK_SILIWANGI),
      new DemoUser("babinsa", "Babinsa", "Kelurahan", BABINSA, LEBAK_SILIWANGI),
      new DemoUser("slrt", "Petugas", "SLRT Kota", SLRT),
      new DemoUser("manajer", "Manajer", "Layanan", MANAJER, LEBAK_SILIWANGI),
      new DemoUser("analis", "Analis", "Proses", ANALIS),
      new DemoUser("admin", "Admin", "Rujukan", ADMIN),
      new DemoUser("fodago", "Front Office", "Dago", FRONT_OFFICE, DAGO),
      new DemoUser("fasilitatordago", "Fasilitator", "Dago", FASILITATOR, DAGO),
      new DemoUser("bodago", "Back Office", "Dago", BACK_OFFICE, DAGO),
      new DemoUser("koordinatordago", "Koordinator", "Dago", KOORDINATOR, DAGO),
      new DemoUser("manajerdago", "Manajer", "Dago", MANAJER, DAGO));

  /** The demo users' ids: outside the demo profile none of them may keep the demo password. */
  static final List<String> USER_IDS = USERS.stream().map(DemoUser::id).toList();

  private final IdentityService identityService;
  private final PuskesosOnboarding puskesos;

  public DemoData(IdentityService identityService, PuskesosOnboarding puskesos) {
    this.identityService = identityService;
    this.puskesos = puskesos;
  }

  @Override
  public void afterSingletonsInstantiated() {
    GROUP_NAMES.forEach(this::ensureGroup);
    USERS.forEach(this::ensureUser);
    puskesos.onboard(new PuskesosOnboarding.Request(LEBAK_SILIWANGI, "Lebak Siliwangi", staffOf(LEBAK_SILIWANGI)),
        "demo");
    puskesos.onboard(new PuskesosOnboarding.Request(DAGO, "Dago", staffOf(DAGO)), "demo");
    LOG.info("Demo users ready: {} (password '{}')", USERS.stream().map(DemoUser::id).toList(), PASSWORD);
  }

  private static List<String> staffOf(String tenantId) {
    return USERS.stream().filter(u -> tenantId.equals(u.puskesos())).map(DemoUser::id).toList();
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(id);
    group.setName(name);
    group.setType(ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
    identityService.saveGroup(group);
  }

  private void ensureUser(DemoUser demo) {
    if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
      User user = identityService.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.id() + "@puskesos.example");
      user.setPassword(PASSWORD);
      // the demo password breaks the password policy on purpose: these users exist in the demo profile only
      ((IdentityServiceImpl) identityService).saveUser(user, true);
    }
    if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(demo.group()).count() == 0) {
      identityService.createMembership(demo.id(), demo.group());
    }
  }
}
