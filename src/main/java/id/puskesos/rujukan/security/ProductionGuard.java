package id.puskesos.rujukan.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import id.puskesos.rujukan.common.Groups;

/**
 * Outside the demo profile the application does not start with the demo users' password in place, nor without an
 * administrator password from the operator ({@code RUJUKAN_ADMIN_PASSWORD}, or a secret file named by
 * {@code RUJUKAN_ADMIN_PASSWORD_FILE}) that meets the password policy ({@link PasswordRules}: 12 characters and more
 * by default). The administrator is created, or their password set, from it. While it runs, the policy refuses the
 * demo password to any user created or changed ({@link IdentitySettings}). Command-line
 * tools (the DTKS/DTSEN import) run without a web server and are not concerned.
 */
@Component
@Profile("!demo")
@ConditionalOnWebApplication
public class ProductionGuard implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(ProductionGuard.class);

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
    ensureAdministrator(password());
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

  /** The operator's password must pass the password policy like anyone's: said plainly rather than the engine's way. */
  private void requirePolicy(String password, User user) {
    PasswordPolicyResult result = identityService.checkPasswordAgainstPolicy(password, user);
    if (!result.isValid()) {
      throw new IllegalStateException("The administrator password does not meet the password policy "
          + "(rujukan.security.password): " + result.getViolatedRules().stream()
          .map(rule -> rule.getPlaceholder() + (rule.getParameters() == null ? "" : " " + rule.getParameters()))
          .toList());
    }
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
      requirePolicy(password, user);
      user.setPassword(password);
      identityService.saveUser(user);
      LOG.info("Administrator {} created", settings.adminUser());
    } else if (!identityService.checkPassword(settings.adminUser(), password)) {
      requirePolicy(password, user);
      user.setPassword(password);
      identityService.saveUser(user);
      LOG.info("Administrator {}: password set from the operator's configuration", settings.adminUser());
    }
    if (identityService.createUserQuery().userId(settings.adminUser()).memberOfGroup(Groups.ADMIN).count() == 0) {
      identityService.createMembership(settings.adminUser(), Groups.ADMIN);
    }
  }
}
