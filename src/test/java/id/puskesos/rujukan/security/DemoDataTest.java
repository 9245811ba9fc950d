package id.puskesos.rujukan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import id.puskesos.rujukan.RujukanSpringTest;
import id.puskesos.rujukan.common.Groups;

/** The demo profile's users, groups and Tasklist filters, and that creating them again changes nothing. */
@RujukanSpringTest
class DemoDataTest {

  @Autowired
  private DemoData demoData;
  @Autowired
  private IdentityService identityService;
  @Autowired
  private FilterService filterService;

  @Test
  void everyRoleHasADemoUserWhoCanLogIn() {
    assertThat(identityService.checkPassword("koordinator", "demo")).isTrue();
    assertThat(identityService.createUserQuery().memberOfGroup("baznas").singleResult().getId()).isEqualTo("baznas");
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").singleResult().getId())
        .isEqualTo("admin");
    for (String group : Groups.CASEWORK) {
      if (Groups.PUSKESOS_STAFF.contains(group)) {
        // one per Puskesos: Lebak Siliwangi's and Dago's
        for (String puskesos : List.of(DemoData.LEBAK_SILIWANGI, DemoData.DAGO)) {
          assertThat(identityService.createUserQuery().memberOfGroup(group).memberOfTenant(puskesos).count())
              .as(group + " of " + puskesos).isOne();
        }
      } else {
        assertThat(identityService.createUserQuery().memberOfGroup(group).count()).as(group).isOne();
      }
    }
    // partners and the city SLRT work for both
    for (String group : List.of("dinsos", "baznas", "salman", "slrt")) {
      assertThat(identityService.createTenantQuery().groupMember(group).count()).as(group).isEqualTo(2);
    }
    assertThat(identityService.createTenantQuery().userMember("fo").list()).singleElement()
        .satisfies(t -> assertThat(t.getId()).isEqualTo(DemoData.LEBAK_SILIWANGI));
  }

  @Test
  void tasklistOpensOnTheUsersGroupTasks() {
    var first = filterService.createFilterQuery().list().stream()
        .min((a, b) -> Integer.compare(priority(a.getProperties().get("priority")),
            priority(b.getProperties().get("priority"))))
        .orElseThrow();
    assertThat(first.getName()).isEqualTo("Tugas kelompok saya");
  }

  @Test
  void creatingTheDemoDataAgainChangesNothing() {
    long users = identityService.createUserQuery().count();
    long memberships = identityService.createUserQuery().memberOfGroup("fo").count();
    long filters = filterService.createFilterQuery().count();

    demoData.afterSingletonsInstantiated();

    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(identityService.createUserQuery().memberOfGroup("fo").count()).isEqualTo(memberships);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters).isEqualTo(9);
  }

  private static int priority(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }
}
