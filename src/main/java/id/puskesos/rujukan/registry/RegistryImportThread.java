package id.puskesos.rujukan.registry;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The one thread that runs uploaded DTKS/DTSEN imports, one after the other, with a bounded queue
 * ({@code rujukan.registry.import-queue} waiting uploads; one more is refused, not piled up). On shutdown a running
 * import may finish for {@code rujukan.registry.import-shutdown-wait}; one cut off then is marked FAILED and can be
 * run again without loss ({@link DtksImporter}).
 */
@Configuration
public class RegistryImportThread {

  /** The bean's name, for {@code @Qualifier}. */
  public static final String NAME = "registryImportExecutor";

  @Bean(name = NAME)
  public ThreadPoolTaskExecutor registryImportExecutor(
      @Value("${rujukan.registry.import-queue:3}") int queue,
      @Value("${rujukan.registry.import-shutdown-wait:PT1M}") Duration shutdownWait) {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setThreadNamePrefix("dtks-import-");
    executor.setCorePoolSize(1);
    executor.setMaxPoolSize(1);
    executor.setQueueCapacity(queue);
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationMillis(shutdownWait.toMillis());
    return executor;
  }
}
