package id.puskesos.rujukan.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's command-line tools, as an operator runs them from the packaged jar. */
class RegistryCommandsIT {

  @TempDir
  Path dir;

  private record Run(int exitCode, String output) {
  }

  private Run jar(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx512m", "-jar", Path.of(System.getProperty("rujukan.jar", "target/rujukan.jar")).toAbsolutePath()
            .toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    return new Run(process.waitFor(), output);
  }

  @Test
  void operatorGeneratesAndImportsAnExtractTwiceFromTheCommandLine() throws Exception {
    Run generated = jar("generate-dtks", "dtks.csv", "5000", "0.02", "0.005", "3");
    assertThat(generated.exitCode()).as(generated.output()).isZero();
    assertThat(generated.output()).contains("dtks.csv: 5000 baris");

    String database = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("registry") + ";WRITE_DELAY=0";
    Run first = jar("import-dtks", "dtks.csv", database);
    Run second = jar("import-dtks", "dtks.csv", database);

    assertThat(first.exitCode()).as(first.output()).isZero();
    // the generator says how many rows it spoilt on purpose: exactly those are refused, the rest created
    Matcher spoilt = Pattern.compile("\\((\\d+) sengaja salah").matcher(generated.output());
    assertThat(spoilt.find()).as(generated.output()).isTrue();
    int refused = Integer.parseInt(spoilt.group(1));
    assertThat(first.output()).contains(String.format(Locale.US,
        "Impor #1 DONE: 5,000 baris, %,d baru, 0 berubah, 0 tetap, %d ditolak", 5000 - refused, refused));
    assertThat(second.output()).contains("Impor #2 DONE: 5,000 baris, 0 baru, 0 berubah");
    List<String> rejects = Files.readAllLines(dir.resolve("dtks.csv.rejects.csv"));
    assertThat(rejects.get(0)).isEqualTo("baris,nik,alasan");
    assertThat(rejects).hasSizeGreaterThan(20);
    assertThat(String.join("\n", rejects)).doesNotContainPattern("\\d{16}");
  }

  @Test
  void missingFileIsAClearErrorNotAStackTrace() throws Exception {
    Run run = jar("import-dtks", "tidak-ada.csv");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.output()).contains("Berkas tidak dapat dibaca: tidak-ada.csv");
  }
}
