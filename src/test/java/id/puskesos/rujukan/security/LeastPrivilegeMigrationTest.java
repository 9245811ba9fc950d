package id.puskesos.rujukan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration V17 on a database of the version before it: the history grants that ended tasks left behind go (an open
 * task's stays until it ends, other grants stay), and so do the identity numbers and phone that running cases still
 * hold as variables (other variables stay).
 */
class LeastPrivilegeMigrationTest {

  private static final int TASK = 7;
  private static final int HISTORIC_TASK = 19;
  private static final int HISTORIC_PROCESS_INSTANCE = 20;

  @Test
  void endedTasksLoseTheirHistoryGrantsAndCasesTheirIdentityVariables() {
    DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:least-" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(db).locations("classpath:db/migration").target("13").load().migrate();
    JdbcClient jdbc = JdbcClient.create(db);
    task(jdbc, "opinion-given", true);
    task(jdbc, "opinion-open", false);
    grant(jdbc, "a1", HISTORIC_TASK, "opinion-given");
    grant(jdbc, "a2", HISTORIC_TASK, "opinion-open");
    grant(jdbc, "a3", TASK, "opinion-open");
    grant(jdbc, "a4", HISTORIC_PROCESS_INSTANCE, "partner-referral-1");
    variable(jdbc, "v1", "nik", "visit-task", "3273014507850001");
    variable(jdbc, "v2", "kkNumber", "visit-task", "3273010101080002");
    variable(jdbc, "v3", "correctedPhone", null, "081234567890");
    variable(jdbc, "v4", "residentName", null, "Siti Aminah");
    variable(jdbc, "v5", "address", "visit-task", "Jl. Tamansari");

    Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();

    assertThat(jdbc.sql("SELECT ID_ FROM ACT_RU_AUTHORIZATION ORDER BY ID_").query(String.class).list())
        .containsExactly("a2", "a3", "a4");
    assertThat(jdbc.sql("SELECT NAME_ FROM ACT_RU_VARIABLE ORDER BY NAME_").query(String.class).list())
        .containsExactly("address", "residentName");
  }

  private static void task(JdbcClient jdbc, String id, boolean ended) {
    jdbc.sql("INSERT INTO ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, START_TIME_, END_TIME_) "
        + "VALUES (?, 'task_giveOpinion', 'referral', CURRENT_TIMESTAMP, " + (ended ? "CURRENT_TIMESTAMP" : "NULL") + ")")
        .param(id).update();
  }

  private static void grant(JdbcClient jdbc, String id, int resourceType, String resourceId) {
    jdbc.sql("INSERT INTO ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_) "
        + "VALUES (?, 1, 1, 'nakes', ?, ?, 2)").params(id, resourceType, resourceId).update();
  }

  private static void variable(JdbcClient jdbc, String id, String name, String taskId, String value) {
    jdbc.sql("INSERT INTO ACT_RU_VARIABLE (ID_, REV_, TYPE_, NAME_, TASK_ID_, TEXT_, VAR_SCOPE_) "
        + "VALUES (?, 1, 'string', ?, ?, ?, 'scope')").params(id, name, taskId, value).update();
  }
}
