package id.puskesos.rujukan.modelchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Camunda Modeler's own lint rules ({@code bpmnlint:recommended}, the repository's {@code .bpmnlintrc}) on a proposed
 * BPMN model, by running bpmnlint from the directory {@code rujukan.model-change.lint-directory} (where
 * {@code npm ci} installed it). On a server without Node.js or without that directory the check is reported as not
 * run, with why: the approvers see it, and the analyst's Modeler shows the same rules while drawing.
 */
@Component
class BpmnLint {

  private final Path directory;

  BpmnLint(@Value("${rujukan.model-change.lint-directory:.}") String directory) {
    this.directory = Path.of(directory).toAbsolutePath();
  }

  ChangeCheck check(String name, byte[] bpmn) {
    Path bpmnlint = directory.resolve("node_modules/.bin/bpmnlint");
    if (!Files.isExecutable(bpmnlint)) {
      return ChangeCheck.notRun(ModelChangeChecks.LINT, "bpmnlint tidak terpasang di server (" + directory
          + "/node_modules); aturan Modeler tidak diperiksa di sini");
    }
    Path file = null;
    try {
      file = Files.createTempFile("perubahan-", "-" + name.replaceAll("[^A-Za-z0-9.-]", "_"));
      Files.write(file, bpmn);
      Process lint = new ProcessBuilder(bpmnlint.toString(), file.toString()).directory(directory.toFile())
          .redirectErrorStream(true).start();
      String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!lint.waitFor(60, TimeUnit.SECONDS)) {
        lint.destroyForcibly();
        return ChangeCheck.notRun(ModelChangeChecks.LINT, "bpmnlint tidak selesai dalam 60 detik");
      }
      return ChangeCheck.of(ModelChangeChecks.LINT, lint.exitValue() == 0 ? List.of() : problems(output, file));
    } catch (IOException e) {
      return ChangeCheck.notRun(ModelChangeChecks.LINT, "bpmnlint tidak dapat dijalankan: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ChangeCheck.notRun(ModelChangeChecks.LINT, "bpmnlint terputus");
    } finally {
      if (file != null) {
        file.toFile().delete();
      }
    }
  }

  /** bpmnlint's lines that name a problem: "  element  error  message  rule". */
  private static List<String> problems(String output, Path file) {
    List<String> problems = new ArrayList<>();
    for (String line : output.split("\n")) {
      String text = line.replace(file.toString(), "").strip();
      if (!text.isEmpty() && (text.contains("error") || text.contains("warning")) && !text.startsWith("✖")) {
        problems.add(text.replaceAll("\\s{2,}", "  "));
      }
    }
    if (problems.isEmpty()) {
      problems.add(output.strip());
    }
    return problems;
  }
}
