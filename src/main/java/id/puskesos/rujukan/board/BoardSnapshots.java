package id.puskesos.rujukan.board;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The board as drawn a few minutes ago, where drawing it is slow. A board that took longer than
 * {@code rujukan.board.live-below} (300 ms) to draw, a city's year, is kept and served as it was drawn, its time
 * ({@code at}) printed on the page; while it is asked for it is drawn again in the background every
 * {@code rujukan.board.refresh-interval} (5 minutes), and one older than twice that is drawn again before it is
 * served. A board quicker to draw, a village's, is drawn on every call. One drawing per period at a time: whoever
 * asks meanwhile waits for it and gets the same board. Figures and measurements: docs/operations.md.
 */
@Component
class BoardSnapshots {

  /** How many periods are kept at most; the least recently asked goes first. */
  static final int KEPT_PERIODS = 24;
  /** A period nobody asked for this long is no longer drawn in the background. */
  static final Duration FORGET_AFTER = Duration.ofHours(1);

  private record Period(String from, String to) {
  }

  private static final class Kept {
    final BoardFigures.Board board;
    final Duration took;
    final Instant drawn;
    final long drawing;
    volatile Instant asked;

    Kept(BoardFigures.Board board, Duration took, Instant drawn, long drawing, Instant asked) {
      this.board = board;
      this.took = took;
      this.drawn = drawn;
      this.drawing = drawing;
      this.asked = asked;
    }
  }

  private final BiFunction<String, String, BoardFigures.Board> draw;
  private final Clock clock;
  private final Duration liveBelow;
  private final Duration refreshInterval;
  private final Map<Period, Kept> kept = new ConcurrentHashMap<>();
  private final Map<Period, Object> drawing = new ConcurrentHashMap<>();
  private final AtomicLong drawings = new AtomicLong();

  @Autowired
  BoardSnapshots(BoardFigures figures, Clock clock,
      @Value("${rujukan.board.live-below:PT0.3S}") Duration liveBelow,
      @Value("${rujukan.board.refresh-interval:PT5M}") Duration refreshInterval) {
    this(figures::board, clock, liveBelow, refreshInterval);
  }

  BoardSnapshots(BiFunction<String, String, BoardFigures.Board> draw, Clock clock, Duration liveBelow,
      Duration refreshInterval) {
    this.draw = draw;
    this.clock = clock;
    this.liveBelow = liveBelow;
    this.refreshInterval = refreshInterval;
  }

  /** The board of cases received from {@code from} to {@code to} (YYYY-MM): kept if slow to draw, else drawn now. */
  BoardFigures.Board board(String from, String to) {
    Period period = new Period(from, to);
    Instant now = clock.instant();
    Kept board = kept.get(period);
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
  private Kept draw(Period period, Kept seen, Instant asked) {
    synchronized (drawing.computeIfAbsent(period, p -> new Object())) {
      Kept latest = kept.get(period);
      if (latest != null && (seen == null || latest.drawing > seen.drawing)) {
        latest.asked = asked.isAfter(latest.asked) ? asked : latest.asked;
        return latest;
      }
      long start = System.nanoTime();
      BoardFigures.Board board = draw.apply(period.from(), period.to());
      Kept drawn = new Kept(board, Duration.ofNanos(System.nanoTime() - start), clock.instant(),
          drawings.incrementAndGet(), asked);
      kept.put(period, drawn);
      if (kept.size() > KEPT_PERIODS) {
        kept.entrySet().stream().min(Comparator.comparing(e -> e.getValue().asked))
            .ifPresent(oldest -> kept.remove(oldest.getKey(), oldest.getValue()));
      }
      return drawn;
    }
  }

  private boolean slow(Kept board) {
    return board.took.compareTo(liveBelow) >= 0;
  }
}
