package id.puskesos.rujukan.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;

/** A command refused for a concurrent change to its case runs again; other failures and endless conflicts do not. */
class ConcurrentChangeTest {

  @Test
  void aCommandThatMetAJobOfItsCaseRunsAgainUntilItGoesThrough() {
    AtomicInteger runs = new AtomicInteger();
    String result = ConcurrentChange.retry(() -> {
      if (runs.incrementAndGet() < 3) {
        throw new OptimisticLockingException("ENGINE-03005 updated by another transaction concurrently");
      }
      return "tersimpan";
    });
    assertThat(result).isEqualTo("tersimpan");
    assertThat(runs).hasValue(3);
  }

  @Test
  void aCaseThatKeepsChangingGivesUpAfterTheLastTry() {
    AtomicInteger runs = new AtomicInteger();
    assertThatThrownBy(() -> ConcurrentChange.retry(() -> {
      runs.incrementAndGet();
      throw new OptimisticLockingException("concurrently");
    })).isInstanceOf(OptimisticLockingException.class);
    assertThat(runs).hasValue(ConcurrentChange.ATTEMPTS);
  }

  @Test
  void otherFailuresAreNotRunAgain() {
    AtomicInteger runs = new AtomicInteger();
    assertThatThrownBy(() -> ConcurrentChange.retry(() -> {
      runs.incrementAndGet();
      throw new InvalidInputException("nik", "NIK harus 16 angka");
    })).isInstanceOf(InvalidInputException.class);
    assertThat(runs).hasValue(1);
  }
}
