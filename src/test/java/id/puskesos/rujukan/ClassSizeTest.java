package id.puskesos.rujukan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A main class of more than 300 lines says why it is one class, in a "// Size:" line right under its package line
 * (docs/architecture.md). A class that grows past the limit without one is split, or gets its reason.
 */
class ClassSizeTest {

  static final int LIMIT = 300;

  @Test
  void everyClassOverTheLimitSaysWhyItIsOneClass() throws IOException {
    List<String> unexplained;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      unexplained = files.filter(f -> f.toString().endsWith(".java")).filter(ClassSizeTest::unexplained)
          .map(Path::toString).sorted().toList();
    }
    assertThat(unexplained).as("classes over %d lines without a \"// Size:\" line under the package line", LIMIT)
        .isEmpty();
  }

  @Test
  void aLongClassWithoutAReasonIsFound() {
    List<String> lines = Stream.concat(Stream.of("package x;", ""),
        Stream.generate(() -> "  int a;").limit(LIMIT)).toList();
    assertThat(unexplained(lines)).isTrue();
    assertThat(unexplained(Stream.concat(Stream.of("package x;", "// Size: one table's whole layout."),
        lines.stream().skip(1)).toList())).isFalse();
  }

  private static boolean unexplained(Path file) {
    try {
      return unexplained(Files.readAllLines(file));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean unexplained(List<String> lines) {
    return lines.size() > LIMIT && lines.stream().limit(3).noneMatch(l -> l.startsWith("// Size:"));
  }
}
