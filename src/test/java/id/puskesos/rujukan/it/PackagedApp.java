package id.puskesos.rujukan.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The packaged application as a user runs it: {@code java -jar target/rujukan.jar} with the demo profile, in a
 * working directory of its own (so its embedded H2 file lands in {@code <dir>/data}), on a free port.
 */
final class PackagedApp implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final int port;
  final Duration startup;
  private final Process process;
  private final Path log;

  private PackagedApp(Process process, int port, Duration startup, Path log) {
    this.process = process;
    this.port = port;
    this.startup = startup;
    this.log = log;
  }

  /** Starts the jar with the demo profile and waits until its health endpoint answers UP. */
  static PackagedApp start(Path workDir, String... arguments) throws Exception {
    List<String> withDemo = new ArrayList<>(List.of("--spring.profiles.active=demo"));
    withDemo.addAll(List.of(arguments));
    return start(workDir, Map.of(), withDemo);
  }

  /** Starts the jar with these environment variables and arguments (no profile unless they name one). */
  static PackagedApp start(Path workDir, Map<String, String> environment, List<String> arguments) throws Exception {
    int port = freePort();
    Path log = workDir.resolve("app-" + System.nanoTime() + ".log");
    long begin = System.nanoTime();
    Process process = launch(workDir, environment, port, arguments, log);
    PackagedApp app = new PackagedApp(process, port, Duration.ZERO, log);
    // generous: a start takes ~20 s alone, but minutes on a 2-core machine busy with other builds
    long deadline = System.currentTimeMillis() + 600_000;
    while (!app.healthy()) {
      if (!process.isAlive() || System.currentTimeMillis() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException("application did not start:\n" + Files.readString(log));
      }
      Thread.sleep(250);
    }
    return new PackagedApp(process, port, Duration.ofNanos(System.nanoTime() - begin), log);
  }

  /** Starts the jar and waits for it to end by itself (a refused start-up); its exit code and output. */
  static Exit exit(Path workDir, Map<String, String> environment, List<String> arguments) throws Exception {
    Path log = workDir.resolve("app-" + System.nanoTime() + ".log");
    Process process = launch(workDir, environment, freePort(), arguments, log);
    if (!process.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the application did not stop by itself:\n" + Files.readString(log));
    }
    return new Exit(process.exitValue(), Files.readString(log));
  }

  record Exit(int code, String output) {
  }

  private static Process launch(Path workDir, Map<String, String> environment, int port, List<String> arguments,
      Path log) throws IOException {
    String jar = System.getProperty("rujukan.jar", "target/rujukan.jar");
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx512m", "-jar", Path.of(jar).toAbsolutePath().toString(), "--server.port=" + port));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    return builder.start();
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
    return get(user, "demo", path);
  }

  HttpResponse<String> get(String user, String password, String path) throws IOException, InterruptedException {
    return HTTP.send(request(user, password, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> bytes(String user, String path) throws IOException, InterruptedException {
    return HTTP.send(request(user, "demo", path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> postJson(String user, String path, String json) throws IOException, InterruptedException {
    return postJson(user, "demo", path, json);
  }

  HttpResponse<String> postJson(String user, String password, String path, String json)
      throws IOException, InterruptedException {
    return HTTP.send(request(user, password, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String user, String path, String contentType, String body)
      throws IOException, InterruptedException {
    return HTTP.send(request(user, "demo", path).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A GET without credentials. */
  HttpResponse<String> anonymous(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> putJson(String user, String path, String json) throws IOException, InterruptedException {
    return HTTP.send(request(user, "demo", path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Kills the JVM the hard way (SIGKILL): no shutdown hook, no flush, as a power cut or OOM killer would. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      process.waitFor();
    }
  }

  private boolean healthy() {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).GET().build(),
          HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private HttpRequest.Builder request(String user, String password, String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
