package id.puskesos.rujukan.simulation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import id.puskesos.rujukan.catalogue.BudgetPeriod;

/**
 * One budgeted program's budget, replayed in memory (docs/simulation.md). Requests come in the order of their day; a
 * request takes its amount from the allocation of the period its day falls in when nobody waits ahead and the rest of
 * the allocation covers it, else it waits. A top-up is added on the first day of its period and, as a live top-up does
 * ({@code budget.Budgets#topUp}), serves the waiting list in order while the period's rest covers the next in line.
 * Nothing here reads or writes a table.
 */
final class BudgetReplay {

  /** A case asking the program for an amount on a day; {@code key} names it (referral number). */
  record Ask(String key, LocalDate on, long amount) {
  }

  /** A top-up of a period ({@code 2026-11}, {@code 2026-Q4}, {@code 2026}). */
  record Added(String period, long amount) {
  }

  /**
   * What the replay found: the day each served request was served; those still waiting at the end, in order; the
   * days each request that waited waited (served later, or up to {@code end}); the amount asked per month.
   */
  record Result(Map<String, LocalDate> servedOn, List<String> waiting, List<Long> waitDays,
      Map<String, Long> neededPerMonth) {

    /** The mean wait in days of the requests that waited, null when none did. */
    Double meanWaitDays() {
      return waitDays.isEmpty() ? null
          : Math.round(waitDays.stream().mapToLong(Long::longValue).average().orElse(0) * 10) / 10.0;
    }
  }

  private BudgetReplay() {
  }

  /**
   * Replays the requests against the allocations ({@code allocated}: period to amount, as the live budget table holds
   * them) and the top-ups; {@code end}: the day waiting is measured to for whoever still waits.
   */
  static Result replay(BudgetPeriod kind, Map<String, Long> allocated, List<Added> topUps, List<Ask> asks,
      LocalDate end) {
    Map<String, Long> allocation = new HashMap<>(allocated);
    Map<String, Long> used = new HashMap<>();
    Map<String, LocalDate> servedOn = new LinkedHashMap<>();
    Map<String, Long> needed = new TreeMap<>();
    List<Long> waitDays = new ArrayList<>();
    Deque<Ask> queue = new ArrayDeque<>();
    List<Event> events = new ArrayList<>();
    for (Added t : topUps) {
      events.add(new Event(YearMonth.parse(kind.months(t.period()).get(0)).atDay(1), 0, events.size(), null, t));
    }
    for (Ask a : asks) {
      events.add(new Event(a.on(), 1, events.size(), a, null));
      needed.merge(YearMonth.from(a.on()).toString(), a.amount(), Long::sum);
    }
    events.sort(Comparator.comparing(Event::on).thenComparingInt(Event::kind).thenComparingInt(Event::order));
    for (Event e : events) {
      if (e.added() != null) {
        allocation.merge(e.added().period(), e.added().amount(), Long::sum);
        String period = e.added().period();
        while (!queue.isEmpty() && rest(allocation, used, period) >= queue.peek().amount()) {
          Ask next = queue.poll();
          used.merge(period, next.amount(), Long::sum);
          servedOn.put(next.key(), e.on());
          waitDays.add(Math.max(0, ChronoUnit.DAYS.between(next.on(), e.on())));
        }
      } else {
        Ask a = e.ask();
        String period = kind.of(a.on());
        if (queue.isEmpty() && rest(allocation, used, period) >= a.amount()) {
          used.merge(period, a.amount(), Long::sum);
          servedOn.put(a.key(), a.on());
        } else {
          queue.add(a);
        }
      }
    }
    List<String> waiting = new ArrayList<>();
    for (Ask a : queue) {
      waiting.add(a.key());
      waitDays.add(Math.max(0, ChronoUnit.DAYS.between(a.on(), end)));
    }
    return new Result(servedOn, waiting, waitDays, needed);
  }

  private static long rest(Map<String, Long> allocation, Map<String, Long> used, String period) {
    return allocation.getOrDefault(period, 0L) - used.getOrDefault(period, 0L);
  }

  /** A top-up (kind 0, first on its day) or a request (kind 1), in the order they were given. */
  private record Event(LocalDate on, int kind, int order, Ask ask, Added added) {
  }
}
