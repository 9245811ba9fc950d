package id.puskesos.rujukan.registry;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The registry's command-line tools, run from the application jar:
 *
 * <pre>
 * java -jar rujukan.jar import-dtks extract.csv [--spring.profiles.active=postgres ...]
 * java -jar rujukan.jar generate-dtks extract.csv 100000 [bad-share=0.02] [duplicate-share=0.002] [seed=1]
 * </pre>
 */
public final class RegistryCommands {

  private RegistryCommands() {
  }

  /** Whether the arguments name a command of this class (else the application starts as usual). */
  public static boolean handles(String[] args) {
    return args.length > 0 && List.of("import-dtks", "generate-dtks").contains(args[0]);
  }

  /** Runs the command; returns the process exit code. */
  public static int run(Class<?> application, String[] args, PrintStream out) {
    try {
      return "generate-dtks".equals(args[0]) ? generate(args, out) : importDtks(application, args, out);
    } catch (RuntimeException | IOException e) {
      out.println("Gagal: " + e.getMessage());
      return 1;
    }
  }

  private static int generate(String[] args, PrintStream out) {
    if (args.length < 3) {
      out.println("Pakai: generate-dtks <berkas.csv> <jumlah-baris> [bad-share] [duplicate-share] [seed]");
      return 2;
    }
    Path file = Path.of(args[1]);
    long rows = Long.parseLong(args[2]);
    double bad = args.length > 3 ? Double.parseDouble(args[3]) : 0.02;
    double duplicates = args.length > 4 ? Double.parseDouble(args[4]) : 0.002;
    long seed = args.length > 5 ? Long.parseLong(args[5]) : 1;
    long begin = System.nanoTime();
    DtksExtractGenerator.Expected expected = new DtksExtractGenerator(seed, bad, duplicates, LocalDate.now())
        .write(file, rows);
    out.printf("%s: %d baris (%d sengaja salah, %d kemungkinan data ganda) dalam %.1f s%n", file, expected.rows(),
        expected.badRows().size(), expected.duplicates(), (System.nanoTime() - begin) / 1e9);
    return 0;
  }

  private static int importDtks(Class<?> application, String[] args, PrintStream out) throws IOException {
    if (args.length < 2) {
      out.println("Pakai: import-dtks <berkas.csv> [--opsi-spring ...]");
      return 2;
    }
    Path file = Path.of(args[1]);
    if (!Files.isReadable(file)) {
      out.println("Berkas tidak dapat dibaca: " + file);
      return 2;
    }
    String[] springArgs = Arrays.copyOfRange(args, 2, args.length);
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
        .web(WebApplicationType.NONE)
        .properties("camunda.bpm.job-execution.enabled=false", "spring.main.banner-mode=off",
            // no web server: without it Camunda's REST and webapp configurations cannot start
            "spring.autoconfigure.exclude="
                + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
                + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration")
        .run(springArgs)) {
      RegistryImports imports = context.getBean(RegistryImports.class);
      long begin = System.nanoTime();
      DtksImporter.Summary summary = imports.importFile(file, file.getFileName().toString(),
          "cli:" + System.getProperty("user.name"), progress -> out.printf("... %,d baris dibaca%n",
              progress.rowsRead()));
      Path rejects = file.resolveSibling(file.getFileName() + ".rejects.csv");
      Files.writeString(rejects, context.getBean(DtksImporter.class).rejectsCsv(summary.importId()),
          StandardCharsets.UTF_8);
      double total = (System.nanoTime() - begin) / 1e9;
      out.printf("Impor #%d %s: %,d baris, %,d baru, %,d berubah, %,d tetap, %,d ditolak (%s), %,d kemungkinan data "
          + "ganda; impor %.1f s, pencarian data ganda %.1f s%n", summary.importId(), summary.status(),
          summary.rowsRead(), summary.created(), summary.updated(), summary.unchanged(), summary.rejected(), rejects,
          summary.duplicatesFlagged(), summary.took().toMillis() / 1000.0,
          total - summary.took().toMillis() / 1000.0);
      return "DONE".equals(summary.status()) ? 0 : 1;
    }
  }
}
