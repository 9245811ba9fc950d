package id.puskesos.rujukan.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import id.puskesos.rujukan.common.ConflictException;

/**
 * Runs DTKS/DTSEN imports from the command line (in the caller's thread) and from an HTTP upload (in the
 * background on the {@link RegistryImportThread managed import thread}, with progress to poll), and after each
 * import looks for probable duplicates and sends them for review.
 */
@Service
public class RegistryImports {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryImports.class);
  private static final int REVIEWS_PER_TRANSACTION = 200;

  private final DtksImporter importer;
  private final Duplicates duplicates;
  private final JdbcClient jdbc;
  /** Uploaded imports run one after the other, in the background. */
  private final ThreadPoolTaskExecutor executor;
  private final TransactionTemplate transaction;

  public RegistryImports(DtksImporter importer, Duplicates duplicates, JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      @Qualifier(RegistryImportThread.NAME) ThreadPoolTaskExecutor executor) {
    this.importer = importer;
    this.duplicates = duplicates;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactionManager);
    this.executor = executor;
  }

  /** Imports a file now; progress goes to the consumer after every committed batch. */
  public DtksImporter.Summary importFile(Path file, String fileName, String actor,
      Consumer<DtksImporter.Summary> progress) {
    long importId = importer.register(file, fileName, actor);
    importer.run(importId, file, actor, progress);
    flagDuplicates(importId);
    return importer.summary(importId);
  }

  /** Stores an uploaded file and imports it in the background; returns the import's id at once. */
  public long importUpload(InputStream upload, String fileName, String actor) {
    Path file;
    try {
      file = Files.createTempFile("dtks-", ".csv");
      try (InputStream in = upload) {
        Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long importId = importer.register(file, fileName, actor);
    try {
      executor.execute(() -> runUpload(importId, file, actor));
    } catch (TaskRejectedException full) {
      // the queue is bounded: an upload that would wait behind too many others is refused, not piled up
      String message = "Antrean impor penuh; unggah lagi setelah impor yang sedang berjalan selesai";
      jdbc.sql("UPDATE registry_import SET status = 'FAILED', finished_at = ?, message = ? WHERE id = ?")
          .params(OffsetDateTime.now(), message, importId).update();
      delete(file);
      throw new ConflictException(message);
    }
    return importId;
  }

  private void runUpload(long importId, Path file, String actor) {
    try {
      importer.run(importId, file, actor, summary -> LOG.info("DTKS import #{}: {} rows read", importId,
          summary.rowsRead()));
      flagDuplicates(importId);
    } catch (RuntimeException e) {
      LOG.warn("DTKS import #{} ended with an error: {}", importId, e.getMessage());
    } finally {
      delete(file);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Could not delete the uploaded file {}", file);
    }
  }

  /**
   * Lets a running import finish (up to the executor's await period) while the database and the engine it writes to
   * are still there: this bean is destroyed before the beans it uses.
   */
  @PreDestroy
  void stop() {
    executor.shutdown();
  }

  /** Probable duplicates among the registry after an import, each sent for an operator's review. */
  private void flagDuplicates(long importId) {
    List<Long> flagged = transaction.execute(status -> duplicates.detectAll());
    for (int from = 0; from < flagged.size(); from += REVIEWS_PER_TRANSACTION) {
      List<Long> chunk = flagged.subList(from, Math.min(flagged.size(), from + REVIEWS_PER_TRANSACTION));
      transaction.executeWithoutResult(status -> duplicates.startReviews(chunk));
    }
    jdbc.sql("UPDATE registry_import SET duplicates_flagged = ? WHERE id = ?").params(flagged.size(), importId)
        .update();
  }
}
