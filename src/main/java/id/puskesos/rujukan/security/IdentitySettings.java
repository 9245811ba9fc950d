package id.puskesos.rujukan.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The engine's identity settings, in every profile.
 *
 * <ul>
 * <li>Camunda's password policy is on ({@code enablePasswordPolicy}) with {@link PasswordRules}: a password that breaks
 * it is refused when a user is created or a password changed, whichever door it comes through. There is no switch to
 * turn it off. The demo profile's own users are created past it ({@link DemoData}).
 * <li>Camunda's login throttle is off: it locks the user name, whoever sends the wrong passwords (after a failure for
 * {@code loginDelayBase} x {@code loginDelayFactor}^(n-1) seconds up to {@code loginDelayMaxTime}, 3 s doubling up to
 * 60 s by default, and for good after {@code loginMaxAttempts}, 10), so anyone who knows a user name could keep its
 * owner out. {@link LoginThrottle} holds back the client that sends them instead.
 * </ul>
 */
@Component
public class IdentitySettings extends AbstractProcessEnginePlugin {

  private final PasswordRules policy;

  public IdentitySettings(PasswordRules.Settings settings, Environment environment) {
    this.policy = new PasswordRules(settings, environment.acceptsProfiles(Profiles.of("demo")));
  }

  /** The policy the engine checks passwords against. */
  public PasswordRules policy() {
    return policy;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnablePasswordPolicy(true);
    configuration.setPasswordPolicy(policy);
    // no lock on the user name: a failure leaves it free at once (delay 0) and no number of failures locks it for good
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayBase(0);
    configuration.setLoginDelayMaxTime(0);
  }
}
