package id.puskesos.rujukan;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Arrays;
import java.util.stream.Stream;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of docs/architecture.md, checked on the compiled main classes: dependencies flow one way, from the
 * application through the adapters and the features down to the kernel, and no two packages need each other.
 * A new package must be named in one of the lists below (see "Adding a feature" in docs/architecture.md).
 */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final String ROOT = "id.puskesos.rujukan";

  /** The shared kernel: utilities and facts every feature may use; it uses no feature. */
  static final String[] KERNEL = {"common", "process"};

  /** The domain features; they may use each other as long as no two need each other. */
  static final String[] FEATURES = {"registry", "referral", "catalogue", "access", "intake", "verification",
      "assessment", "routing", "recommendation", "budget", "partner", "proposal", "escalation", "distribution",
      "followup", "grievance", "evaluation", "report", "sla", "notification", "residentmessage", "board", "inbound",
      "migration", "simulation", "modelchange", "tenant"};

  /** Web and engine security at the edges, and the trail of what happened there. */
  static final String[] ADAPTERS = {"security", "audit", "onboarding"};

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching(ROOT + ".(*)..").namingSlices("$1")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule dependenciesFlowDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
      .layer("Application").definedBy(ROOT)
      .layer("Adapters").definedBy(packages(ADAPTERS))
      .layer("Features").definedBy(packages(FEATURES))
      .layer("Kernel").definedBy(packages(KERNEL))
      .whereLayer("Application").mayNotBeAccessedByAnyLayer()
      .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Application")
      .whereLayer("Features").mayOnlyBeAccessedByLayers("Adapters", "Application");

  @ArchTest
  static final ArchRule commonUsesNothingOfOurs = classes().that().resideInAPackage(ROOT + ".common..")
      .should().onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..").or(resideInAPackage(ROOT + ".common..")))
      .because("the kernel's utilities are the bottom: everything may use them, they use nothing of ours");

  @ArchTest
  static final ArchRule everyPackageHasALayer = classes().should().resideInAnyPackage(
      Stream.of(new String[] {ROOT}, packages(KERNEL), packages(FEATURES), packages(ADAPTERS))
          .flatMap(Arrays::stream).toArray(String[]::new))
      .because("a new package is placed in a layer of docs/architecture.md before it is used");

  private static String[] packages(String... names) {
    return Arrays.stream(names).map(name -> ROOT + "." + name + "..").toArray(String[]::new);
  }
}
