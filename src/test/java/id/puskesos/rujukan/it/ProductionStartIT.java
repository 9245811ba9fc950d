package id.puskesos.rujukan.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application outside the demo profile: it refuses to start without the operator's administrator
 * password or with the demo users still there, and with the password from a secret file it starts with that
 * administrator and no demo logins, refuses the demo password (and any weak one) to a user created at run time, and
 * keeps its metrics behind a login.
 */
class ProductionStartIT {

  private static final String PASSWORD = "Lebak-Siliwangi-2026!";

  @TempDir
  Path dir;

  @Test
  void refusesToStartWithoutAnAdministratorPassword() throws Exception {
    PackagedApp.Exit exit = PackagedApp.exit(dir, Map.of(), List.of());

    assertThat(exit.code()).isNotZero();
    assertThat(exit.output()).contains("No administrator password: set RUJUKAN_ADMIN_PASSWORD");
  }

  @Test
  void refusesToStartWhileTheDemoUsersAreThere() throws Exception {
    try (PackagedApp demo = PackagedApp.start(dir)) {
      assertThat(demo.get("fo", "/api/catalogue").statusCode()).isEqualTo(200);
    }

    PackagedApp.Exit exit = PackagedApp.exit(dir, Map.of("RUJUKAN_ADMIN_PASSWORD", PASSWORD), List.of());

    assertThat(exit.code()).isNotZero();
    assertThat(exit.output()).contains("Demo users with the demo password exist outside the demo profile", "fo");
  }

  @Test
  void startsWithTheAdministratorFromASecretFileAndNoDemoLogins() throws Exception {
    Path secret = Files.writeString(dir.resolve("admin-password"), PASSWORD + "\n");

    try (PackagedApp app = PackagedApp.start(dir, Map.of("RUJUKAN_ADMIN_PASSWORD_FILE", secret.toString()),
        List.of())) {
      assertThat(app.get("admin", PASSWORD, "/engine-rest/user?id=admin").body()).contains("\"id\":\"admin\"");
      // the staff's Tasklist filters exist without the demo profile too
      assertThat(app.get("admin", PASSWORD, "/engine-rest/filter").body()).contains("Tugas kelompok saya");
      assertThat(app.get("admin", PASSWORD, "/h2-console").statusCode()).isEqualTo(404);
      assertThat(app.get("fo", "demo", "/api/catalogue").statusCode()).isEqualTo(401);
      // a user given the demo password is refused at once, not only at the next start; so is a weak password
      for (String password : List.of("demo", "123")) {
        HttpResponse<String> refused = app.postJson("admin", PASSWORD, "/engine-rest/user/create", """
            {"profile": {"id": "petugas2", "firstName": "Petugas", "lastName": "Baru"},
             "credentials": {"password": "%s"}}""".formatted(password));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("Kata sandi tidak memenuhi kebijakan", "bukan kata sandi demo");
      }
      assertThat(app.get("admin", PASSWORD, "/engine-rest/user?id=petugas2").body()).isEqualTo("[]");
      // metrics need the administrator's (or a manager's) login; health tells the load balancer the state only
      assertThat(app.anonymous("/actuator/prometheus").statusCode()).isEqualTo(401);
      assertThat(app.get("admin", PASSWORD, "/actuator/prometheus").statusCode()).isEqualTo(200);
      assertThat(app.anonymous("/actuator/health").body()).isEqualTo("{\"status\":\"UP\"}");
      // a wrong password does not lock the user: the right one works at once
      assertThat(app.get("admin", "demo", "/engine-rest/user").statusCode()).isEqualTo(401);
      assertThat(app.get("admin", PASSWORD, "/engine-rest/user").statusCode()).isEqualTo(200);
    }
  }
}
