package id.puskesos.rujukan.board;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.referral.Stage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The board's headline figures as Prometheus gauges ({@code /actuator/prometheus}): open cases per stage (counted as
 * the board counts them), overdue tasks, notifications that failed for good, cases waiting for budget. Each is read
 * when scraped. They stay the installation's (every Puskesos together, no {@code puskesos} tag): 151 Puskesos times
 * six stages would be 900 series, each a query per scrape; one Puskesos's figures are its board's, the city's side by
 * side the city view's ({@code /api/board/city}).
 */
@Component
public class BoardMetrics implements MeterBinder {

  private final JdbcClient jdbc;
  private final TaskService taskService;
  private final ObjectProvider<BoardFigures> figures;

  public BoardMetrics(JdbcClient jdbc, TaskService taskService, ObjectProvider<BoardFigures> figures) {
    this.jdbc = jdbc;
    this.taskService = taskService;
    this.figures = figures;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Stage stage : Stage.values()) {
      if (stage != Stage.CLOSED) {
        // the same count as the board's, by the stage the models give the work each case waits for
        Gauge.builder("rujukan.cases.open", () -> figures.getObject().openCases(null).getOrDefault(stage, 0L))
            .tag("stage", stage.name()).description("Kasus terbuka per tahap").register(registry);
      }
    }
    Gauge.builder("rujukan.tasks.overdue", () -> taskService.createTaskQuery().dueBefore(ClockUtil.getCurrentTime())
        .count()).description("Tugas yang melewati batas waktu").register(registry);
    Gauge.builder("rujukan.budget.waiting", () -> count(
        "SELECT COUNT(*) FROM budget_commitment WHERE status = ?", "WAITING"))
        .description("Rujukan di daftar tunggu anggaran").register(registry);
    Gauge.builder("rujukan.notifications.failed", () -> count(
        "SELECT COUNT(*) FROM notification_outbox WHERE status = ?", "FAILED"))
        .description("Notifikasi yang gagal dikirim").register(registry);
  }

  private long count(String sql, String parameter) {
    return jdbc.sql(sql).param(parameter).query(Long.class).single();
  }
}
