package id.puskesos.rujukan.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The uploaded imports' thread: one import at a time, a bounded queue, and a running import finishes on shutdown. */
class RegistryImportThreadTest {

  @Test
  void importsRunOneAtATimeOnANamedThreadAndAnUploadBeyondTheQueueIsRefused() throws Exception {
    ThreadPoolTaskExecutor executor = executor(1, Duration.ofSeconds(5));
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(1);
    AtomicReference<String> thread = new AtomicReference<>();
    try {
      executor.execute(() -> {
        thread.set(Thread.currentThread().getName());
        running.countDown();
        await(release);
      });
      assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
      executor.execute(() -> { });

      assertThatThrownBy(() -> executor.execute(() -> { })).isInstanceOf(TaskRejectedException.class);
      assertThat(thread.get()).startsWith("dtks-import-");
    } finally {
      release.countDown();
      executor.shutdown();
    }
  }

  @Test
  void aRunningImportMayFinishWhenTheApplicationStops() throws Exception {
    ThreadPoolTaskExecutor executor = executor(3, Duration.ofSeconds(10));
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    executor.execute(() -> {
      running.countDown();
      try {
        Thread.sleep(300);
        finished.countDown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

    executor.shutdown();

    assertThat(finished.getCount()).as("finished, not interrupted").isZero();
    assertThat(executor.getThreadPoolExecutor().isTerminated()).isTrue();
  }

  private static ThreadPoolTaskExecutor executor(int queue, Duration shutdownWait) {
    ThreadPoolTaskExecutor executor = new RegistryImportThread().registryImportExecutor(queue, shutdownWait);
    executor.initialize();
    return executor;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
