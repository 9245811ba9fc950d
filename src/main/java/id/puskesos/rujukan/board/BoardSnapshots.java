package id.puskesos.rujukan.board;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * A board as drawn a few minutes ago, where drawing it is slow; kept per scope (a Puskesos's board per tenant id, the
 * city's view as one scope) and period, so one Puskesos never gets another's figures. A board that took longer than
 * {@code rujukan.board.live-below} (300 ms) to draw, a city's year, is kept and served as it was drawn, its time
 * ({@code at}) printed on the page; while it is asked for it is drawn again in the background every
 * {@code rujukan.board.refresh-interval} (5 minutes), and one older than twice that is drawn again before it is
 * served. A board quicker to draw, a village's, is drawn on every call. One drawing per period at a time: whoever
 * asks meanwhile waits for it and gets the same board. Figures and measurements: docs/operations.md.
 */
class BoardSnapshots<T> {
  // not a component: BoardDrawings makes one for the Puskesos boards and one for the city's view

  /** Draws the board of a scope (a Puskesos's tenant id, or the city) for the months {@code from} to {@code to}. */
  @FunctionalInterface
  interface Drawing<T> {
    T draw(String scope, String from, String to);
  }

  /** How many boards (scope and period) are kept at most; the least recently asked goes first. */
  static final int KEPT_PERIODS = 200;
  /** A period nobody asked for this long is no longer drawn in the background. */
  static final Duration FORGET_AFTER = Duration.ofHours(1);

  private record Period(String scope, String from, String to) {
  }

  private static final class Kept<T> {
    final T board;
    final Duration took;
    final Instant drawn;
    final long drawing;
    volatile Instant asked;

    Kept(T board, Duration took, Instant drawn, long drawing, Instant asked) {
      this.board = board;
      this.took = took;
      this.drawn = drawn;
      this.drawing = drawing;
      this.asked = asked;
    }
  }

  private final Drawing<T> draw;
  private final Clock clock;
  private final Duration liveBelow;
  private final Duration refreshInterval;
  private final Map<Period, Kept<T>> kept = new ConcurrentHashMap<>();
  private final Map<Period, Object> drawing = new ConcurrentHashMap<>();
  private final AtomicLong drawings = new AtomicLong();

  BoardSnapshots(Drawing<T> draw, Clock clock, Duration liveBelow,
      Duration refreshInterval) {
    this.draw = draw;
    this.clock = clock;
    this.liveBelow = liveBelow;
    this.refreshInterval = refreshInterval;
  }

  /**
   * The scope's board of cases received from {@code from} to {@code to} (YYYY-MM): kept if slow to draw, else drawn
   * now.
   */
  T board(String scope, String from, String to) {
    Period period = new Period(scope, from, to);
    Instant now = clock.instant();
    Kept<T> board = kept.get(period);
    if (board != null && slow(board) && board.drawn.plus(refreshInterval.multipliedBy(2)).isAfter(now)) {
      board.asked = now;
      return board.board;
    }
    return draw(period, board, now).board;
  }

  /** Draws again the slow boards asked for in the last hour; forgets the others. */
  @Scheduled(fixedDelayString = "${rujukan.board.refresh-interval:PT5M}",
      initialDelayString = "${rujukan.board.refresh-interval:PT5M}")
  void refresh() {
    Instant now = clock.instant();
    kept.forEach((period, board) -> {
      if (board.asked.plus(FORGET_AFTER).isBefore(now)) {
        kept.remove(period, board);
      } else if (slow(board)) {
        draw(period, board, board.asked);
      }
    });
    // the locks of periods no longer kept (a drawing that failed, such as a wrong month, keeps nothing)
    drawing.keySet().retainAll(kept.keySet());
  }

  /**
   * Draws the period's board unless another caller drew it after {@code seen} (the board this caller found, or
   * none); keeps it with its cost, so the next call knows whether to draw again.
   */
  private Kept<T> draw(Period period, Kept<T> seen, Instant asked) {
    synchronized (drawing.computeIfAbsent(period, p -> new Object())) {
      Kept<T> latest = kept.get(period);
      if (latest != null && (seen == null || latest.drawing > seen.drawing)) {
        latest.asked = asked.isAfter(latest.asked) ? asked : latest.asked;
        return latest;
      }
      long start = System.nanoTime();
      T board = draw.draw(period.scope(), period.from(), period.to());
      Kept<T> drawn = new Kept<>(board, Duration.ofNanos(System.nanoTime() - start), clock.instant(),
          drawings.incrementAndGet(), asked);
      kept.put(period, drawn);
      if (kept.size() > KEPT_PERIODS) {
        kept.entrySet().stream().min(Comparator.comparing(e -> e.getValue().asked))
            .ifPresent(oldest -> kept.remove(oldest.getKey(), oldest.getValue()));
      }
      return drawn;
    }
  }

  private boolean slow(Kept<T> board) {
    return board.took.compareTo(liveBelow) >= 0;
  }
}
