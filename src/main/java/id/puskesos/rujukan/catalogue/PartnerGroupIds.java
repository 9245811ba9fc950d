package id.puskesos.rujukan.catalogue;

import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.Groups;

/**
 * Whether a group can be a partner's: an id the engine accepts for a group (its own check, with the resource id
 * pattern this installation configures; by default letters and digits only), and none of the Puskesos's, the city's
 * or the system's groups, whose members would otherwise receive the partner's referrals and grants.
 */
@Component
public class PartnerGroupIds {

  static final Set<String> NOT_A_PARTNER = Set.of(Groups.FRONT_OFFICE, Groups.FASILITATOR, Groups.BACK_OFFICE,
      Groups.KOORDINATOR, Groups.NAKES, Groups.BABINSA, Groups.MANAJER, Groups.ANALIS, Groups.SLRT, Groups.ADMIN);

  /** The engine's default resource id pattern, when none is configured. */
  static final String ENGINE_DEFAULT = "[a-zA-Z0-9]+|camunda-admin";

  private final ObjectProvider<ProcessEngineConfigurationImpl> engine;

  public PartnerGroupIds(ObjectProvider<ProcessEngineConfigurationImpl> engine) {
    this.engine = engine;
  }

  /** Adds the problem with the group id to the checks, if any. */
  public void check(Checks checks, String group) {
    if (group == null || group.isBlank()) {
      checks.add("group", "Kelompok (group) petugas mitra wajib diisi");
    } else if (group.length() > 64) {
      checks.add("group", "Kelompok paling banyak 64 karakter");
    } else if (NOT_A_PARTNER.contains(group)) {
      checks.add("group", "Kelompok %s adalah kelompok Puskesos, kota atau sistem, bukan kelompok mitra".formatted(group));
    } else if (!acceptedByTheEngine(group)) {
      checks.add("group", ("Kelompok '%s' tidak diterima engine sebagai id kelompok: pakai huruf dan angka saja, "
          + "tanpa spasi, garis bawah atau tanda hubung (mis. csrpriangan)").formatted(group));
    }
  }

  /** The engine's own rule (its EnsureUtil): the group pattern when one is configured, else the general one. */
  private boolean acceptedByTheEngine(String group) {
    ProcessEngineConfigurationImpl configuration = engine.getIfAvailable();
    String pattern = configuration == null ? null : configuration.getGroupResourceWhitelistPattern();
    if (pattern == null || pattern.isEmpty()) {
      pattern = configuration == null ? null : configuration.getGeneralResourceWhitelistPattern();
    }
    return Pattern.matches(pattern == null || pattern.isEmpty() ? ENGINE_DEFAULT : pattern, group);
  }
}
