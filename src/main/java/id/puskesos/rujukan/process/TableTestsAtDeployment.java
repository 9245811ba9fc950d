package id.puskesos.rujukan.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ProcessApplicationDeployment;

/**
 * A decision table is deployed with its test cases, and only when every rule has a case and every case passes
 * ({@link TableTests}; docs/partners.md, "Mengubah tabel kelayakan"): {@code X.dmn} needs {@code X.tests.json} in the
 * same deployment, whichever way it comes (the REST API, Camunda Modeler, the application's start). Run by
 * {@link ModelRules.DeploymentCheck} on new deployments, after the rules on what a model may contain.
 *
 * <p>Camunda's {@code deploy-changed-only} leaves out of a deployment every resource equal to the latest one of that
 * name deployed under the same deployment name (and source and tenant): a table changed alone then comes without its
 * unchanged cases, and cases changed alone without their table. The one left out is taken from that latest deployment,
 * as Camunda compared it, so the cases that stay deployed are always run against the table that is. (Nothing tells
 * here whether the file was left out or never sent: a table sent alone under a name whose latest deployment holds its
 * cases is checked against those.)
 */
final class TableTestsAtDeployment {

  private static final String WHERE = "Lihat docs/partners.md, bagian \"Mengubah tabel kelayakan\".";

  /** Built on the first table deployed, like the engine's own decision engine (its configuration is complete then). */
  private volatile TableTests tableTests;

  void check(DeploymentEntity deployment) {
    Map<String, String> testsOfTables = new TreeMap<>();
    for (String name : deployment.getResources().keySet()) {
      if (TableTests.testsOf(name) != null) {
        testsOfTables.put(name, TableTests.testsOf(name));
      }
    }
    for (String name : deployment.getResources().keySet()) {
      if (name.endsWith(TableTests.SUFFIX) && !testsOfTables.containsValue(name)) {
        testsOfTables.put(tableOf(name, deployment), name);
      }
    }
    List<String> refusals = new ArrayList<>();
    testsOfTables.forEach((table, tests) -> {
      byte[] dmn = bytes(deployment, table);
      byte[] cases = bytes(deployment, tests);
      if (dmn == null) {
        refusals.add("Berkas uji %s ditolak: tabelnya %s tidak ada, di deployment ini maupun sebelumnya."
            .formatted(tests, table));
      } else if (cases == null) {
        refusals.add(("Tabel %s ditolak: kasus ujinya %s tidak ada dalam deployment. Sertakan berkas itu bersama "
            + "tabel; setiap aturan perlu minimal satu kasus yang lulus.").formatted(table, tests));
      } else {
        List<String> problems = tableTests().check(table, dmn, tests, cases);
        if (!problems.isEmpty()) {
          refusals.add("Tabel %s ditolak: kasus ujinya di %s tidak lulus:\n- %s".formatted(table, tests,
              String.join("\n- ", problems)));
        }
      }
    });
    if (!refusals.isEmpty()) {
      throw new ModelRules.ModelRefused(String.join("\n", refusals) + "\n" + WHERE);
    }
  }

  /** The table a tests file is for: beside it, else deployed before under the deployment's name; X.dmn otherwise. */
  private static String tableOf(String tests, DeploymentEntity deployment) {
    String base = tests.substring(0, tests.length() - TableTests.SUFFIX.length());
    List<String> names = List.of(base + ".dmn", base + ".dmn11.xml");
    return names.stream().filter(deployment.getResources()::containsKey).findFirst()
        .or(() -> names.stream().filter(name -> latest(deployment, name) != null).findFirst())
        .orElse(names.get(0));
  }

  private static byte[] bytes(DeploymentEntity deployment, String name) {
    ResourceEntity resource = deployment.getResource(name);
    if (resource == null) {
      resource = latest(deployment, name);
    }
    return resource == null ? null : resource.getBytes();
  }

  /** What deploy-changed-only compared the resource with: the latest of that name, same deployment name and source. */
  private static ResourceEntity latest(DeploymentEntity deployment, String name) {
    if (deployment.getName() == null || deployment.getName().isEmpty()) {
      return null;
    }
    String source = deployment.getSource() == null || deployment.getSource().isEmpty()
        ? ProcessApplicationDeployment.PROCESS_APPLICATION_DEPLOYMENT_SOURCE : deployment.getSource();
    return Context.getCommandContext().getResourceManager()
        .findLatestResourcesByDeploymentName(deployment.getName(), Set.of(name), source, deployment.getTenantId())
        .get(name);
  }

  private TableTests tableTests() {
    TableTests built = tableTests;
    if (built == null) {
      ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();
      // an engine without decisions (dmnEnabled false) has no decision engine to be like: FEEL only
      built = engine.getDmnEngineConfiguration() == null ? new TableTests() : new TableTests(engine);
      tableTests = built;
    }
    return built;
  }
}
