package id.puskesos.rujukan.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application outside the demo profile: it refuses to start without the operator's administrator
 * password or with the demo users still there, and with the password from a secret file it starts with that
 * administrator and no demo logins.
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
      // last: a wrong password locks the user for a few seconds (login throttling)
      assertThat(app.get("admin", "demo", "/engine-rest/user").statusCode()).isEqualTo(401);
    }
  }
}
