package id.puskesos.rujukan.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.tenant.Puskesos;

/** When the board is drawn for the caller and when it comes as drawn a few minutes ago. */
class BoardSnapshotsTest {

  private static final Duration INTERVAL = Duration.ofMinutes(5);
  private static final String LEBAK_SILIWANGI = "3273021006";
  private static final String DAGO = "3273021005";

  /** A clock the test moves. */
  private static final class TestClock extends Clock {
    private volatile Instant now = Instant.parse("2026-12-02T03:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void pass(Duration duration) {
      now = now.plus(duration);
    }
  }

  private final TestClock clock = new TestClock();
  private final AtomicInteger drawings = new AtomicInteger();

  /** A board numbered by its drawing, so a test sees which drawing it was given. */
  private BoardSnapshots.Drawing<BoardFigures.Board> drawing(Duration takes) {
    return (scope, from, to) -> {
      if (from.equals("2026-13")) {
        throw new IllegalArgumentException("Bulan tidak dikenal");
      }
      sleep(takes);
      int n = drawings.incrementAndGet();
      return new BoardFigures.Board(new Puskesos(scope, scope, "Coblong"), from, to, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), List.of(),
          List.of(), List.of(), List.of(), n, null, List.of(), List.of(), null);
    };
  }

  @Test
  void aBoardQuickToDrawIsDrawnOnEveryCall() {
    BoardSnapshots<BoardFigures.Board> boards = new BoardSnapshots<>(drawing(Duration.ZERO), clock, Duration.ofSeconds(10), INTERVAL);

    assertThat(boards.board(LEBAK_SILIWANGI, "2026-01", "2026-12").stageDataErrors()).isEqualTo(1);
    assertThat(boards.board(LEBAK_SILIWANGI, "2026-01", "2026-12").stageDataErrors()).isEqualTo(2);
    boards.refresh();
    assertThat(drawings).as("nothing is drawn in the background for a quick board").hasValue(2);
  }

  @Test
  void aSlowBoardIsServedAsDrawnRefreshedInTheBackgroundAndDrawnAgainWhenTooOld() {
    BoardSnapshots<BoardFigures.Board> boards = new BoardSnapshots<>(drawing(Duration.ZERO), clock, Duration.ZERO, INTERVAL);

    BoardFigures.Board first = boards.board(LEBAK_SILIWANGI, "2026-01", "2026-12");
    clock.pass(Duration.ofMinutes(4));
    assertThat(boards.board(LEBAK_SILIWANGI, "2026-01", "2026-12")).as("kept, with the time it was drawn").isSameAs(first);
    assertThat(boards.board(LEBAK_SILIWANGI, "2025-01", "2025-12").stageDataErrors()).as("another period is its own").isEqualTo(2);

    clock.pass(Duration.ofMinutes(1));
    boards.refresh();
    BoardFigures.Board refreshed = boards.board(LEBAK_SILIWANGI, "2026-01", "2026-12");
    assertThat(refreshed).isNotSameAs(first);
    assertThat(refreshed.at()).isEqualTo(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    assertThat(drawings).hasValue(4);

    // no background drawing for ten minutes (a busy node): the next caller gets a board drawn for them
    clock.pass(INTERVAL.multipliedBy(2));
    assertThat(boards.board(LEBAK_SILIWANGI, "2026-01", "2026-12").stageDataErrors()).isEqualTo(5);
  }

  @Test
  void eachPuskesosBoardIsKeptApart() {
    BoardSnapshots<BoardFigures.Board> boards = new BoardSnapshots<>(drawing(Duration.ZERO), clock, Duration.ZERO,
        INTERVAL);

    BoardFigures.Board ours = boards.board(LEBAK_SILIWANGI, "2026-01", "2026-12");
    BoardFigures.Board theirs = boards.board(DAGO, "2026-01", "2026-12");

    assertThat(theirs).as("the same period of another Puskesos is drawn for it").isNotSameAs(ours);
    assertThat(theirs.puskesos().tenantId()).isEqualTo(DAGO);
    assertThat(boards.board(LEBAK_SILIWANGI, "2026-01", "2026-12")).isSameAs(ours);
    assertThat(boards.board(DAGO, "2026-01", "2026-12")).isSameAs(theirs);
    assertThat(drawings).hasValue(2);
  }

  @Test
  void aPeriodNobodyAskedForInAnHourIsNoLongerDrawn() {
    BoardSnapshots<BoardFigures.Board> boards = new BoardSnapshots<>(drawing(Duration.ZERO), clock, Duration.ZERO, INTERVAL);
    boards.board(LEBAK_SILIWANGI, "2026-01", "2026-12");

    clock.pass(BoardSnapshots.FORGET_AFTER.plusMinutes(1));
    boards.refresh();
    assertThat(drawings).hasValue(1);
    assertThat(boards.board(LEBAK_SILIWANGI, "2026-01", "2026-12").stageDataErrors()).as("drawn afresh when asked again").isEqualTo(2);
  }

  @Test
  void callersAskingWhileTheBoardIsDrawnWaitForThatDrawing() throws Exception {
    BoardSnapshots<BoardFigures.Board> boards = new BoardSnapshots<>(drawing(Duration.ofMillis(300)), clock, Duration.ZERO, INTERVAL);
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<BoardFigures.Board>> answers = java.util.stream.IntStream.range(0, 4)
          .mapToObj(i -> callers.submit(() -> {
            go.await();
            return boards.board(LEBAK_SILIWANGI, "2026-01", "2026-12");
          })).toList();
      go.countDown();
      for (Future<BoardFigures.Board> answer : answers) {
        assertThat(answer.get(10, TimeUnit.SECONDS).stageDataErrors()).isEqualTo(1);
      }
      assertThat(drawings).as("one drawing for four callers").hasValue(1);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aPeriodThatCannotBeDrawnIsRefusedEachTimeAndKeepsNothing() {
    BoardSnapshots<BoardFigures.Board> boards = new BoardSnapshots<>(drawing(Duration.ZERO), clock, Duration.ZERO, INTERVAL);

    assertThatThrownBy(() -> boards.board(LEBAK_SILIWANGI, "2026-13", "2026-12")).hasMessage("Bulan tidak dikenal");
    assertThatThrownBy(() -> boards.board(LEBAK_SILIWANGI, "2026-13", "2026-12")).hasMessage("Bulan tidak dikenal");
    boards.refresh();
    assertThat(drawings).hasValue(0);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
