package id.puskesos.rujukan.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile the application does not start with the demo users' password in place, nor without an
 * administrator password from the operator ({@code RUJUKAN_ADMIN_PASSWORD}, or a secret file named by
 * {@code RUJUKAN_ADMIN_PASSWORD_FILE}). The administrator is created, or their password set, from it. Command-line
 * tools (the DTKS/DTSEN import) run without a web server and are not concerned.
 */
@Component
@Profile("!demo")
@ConditionalOnWebApplication
public class ProductionGuard implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(ProductionGuard.class);
  static final int MIN_PASSWORD_LENGTH = 12;

  @ConfigurationProperties("rujukan.security")
  public record Settings(String adminUser, String adminPassword, String adminPasswordFile) {
    public Settings {
      adminUser = adminUser == null || adminUser.isBlank() ? "admin" : adminUser;
    }
  }

  private final Settings settings;
  private final IdentityService identityService;

  public ProductionGuard(Settings settings, IdentityService identityService) {
    this.settings = settings;
    this.identityService = identityService;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<String> demo = DemoData.USER_IDS.stream()
        .filter(id -> !id.equals(settings.adminUser()))
        .filter(id -> identityService.createUserQuery().userId(id).count() > 0)
        .filter(id -> identityService.checkPassword(id, DemoData.PASSWORD)).toList();
    if (!demo.isEmpty()) {
      throw new IllegalStateException("Demo users with the demo password exist outside the demo profile: " + demo
          + ". Remove them or give them their own passwords (Camunda Admin), or run with the demo profile.");
    }
    String password = password();
    if (password.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalStateException("The administrator password must have at least " + MIN_PASSWORD_LENGTH
          + " characters");
    }
    ensureAdministrator(password);
  }

  private String password() {
    if (settings.adminPassword() != null && !settings.adminPassword().isBlank()) {
      return settings.adminPassword();
    }
    if (settings.adminPasswordFile() != null && !settings.adminPasswordFile().isBlank()) {
      try {
        return Files.readString(Path.of(settings.adminPasswordFile())).strip();
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read the administrator password file " + settings.adminPasswordFile(),
            e);
      }
    }
    throw new IllegalStateException("No administrator password: set RUJUKAN_ADMIN_PASSWORD, or "
        + "RUJUKAN_ADMIN_PASSWORD_FILE to a file holding it (e.g. a container secret)");
  }

  private void ensureAdministrator(String password) {
    if (identityService.createGroupQuery().groupId(Groups.ADMIN).count() == 0) {
      Group group = identityService.newGroup(Groups.ADMIN);
      group.setName("Administrator");
      group.setType("SYSTEM");
      identityService.saveGroup(group);
    }
    User user = identityService.createUserQuery().userId(settings.adminUser()).singleResult();
    if (user == null) {
      user = identityService.newUser(settings.adminUser());
      user.setFirstName("Administrator");
      user.setLastName("Rujukan");
      user.setPassword(password);
      identityService.saveUser(user);
      LOG.info("Administrator {} created", settings.adminUser());
    } else if (!identityService.checkPassword(settings.adminUser(), password)) {
      user.setPassword(password);
      identityService.saveUser(user);
      LOG.info("Administrator {}: password set from the operator's configuration", settings.adminUser());
    }
    if (identityService.createUserQuery().userId(settings.adminUser()).memberOfGroup(Groups.ADMIN).count() == 0) {
      identityService.createMembership(settings.adminUser(), Groups.ADMIN);
    }
  }
}
