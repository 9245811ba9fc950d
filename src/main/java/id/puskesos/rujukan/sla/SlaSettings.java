package id.puskesos.rujukan.sla;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Service levels ({@code rujukan.sla}) and the working calendar ({@code rujukan.calendar}), from configuration. A
 * service level is {@code <n>WD} (working days), {@code <n>WH} (office hours) or an ISO-8601 duration
 * ({@code P30D}), for normal and for urgent cases.
 */
public final class SlaSettings {

  private SlaSettings() {
  }

  /** The service level of a task: for normal cases, and for urgent ones. */
  public record Level(String normal, String urgent) {
    public String of(boolean isUrgent) {
      return isUrgent && urgent != null ? urgent : normal;
    }
  }

  /**
   * The city's service levels, and a Puskesos's own where it sets them ({@code puskesos}: kelurahan code, then task,
   * a local setting of that Puskesos).
   */
  @ConfigurationProperties("rujukan.sla")
  public record Policy(Level defaults, Map<String, Level> tasks, Map<String, Map<String, Level>> puskesos) {
    public Policy {
      defaults = defaults == null ? new Level("5WD", "1WD") : defaults;
      tasks = tasks == null ? Map.of() : Map.copyOf(tasks);
      puskesos = puskesos == null ? Map.of() : Map.copyOf(puskesos);
    }

    /** The due-date description of a task ({@code task_homeVisit}), or the default for tasks not listed. */
    public String of(String taskDefinitionKey, boolean urgent) {
      return of(null, taskDefinitionKey, urgent);
    }

    /** The same for a task of a Puskesos (its tenant): the Puskesos's own level first, else the city's. */
    public String of(String tenantId, String taskDefinitionKey, boolean urgent) {
      Level own = tenantId == null ? null : puskesos.getOrDefault(tenantId, Map.of()).get(taskDefinitionKey);
      return (own != null ? own : tasks.getOrDefault(taskDefinitionKey, defaults)).of(urgent);
    }
  }

  /** A Puskesos's own office hours. */
  public record Hours(LocalTime opens, LocalTime closes) {
  }

  /**
   * The city's office hours and days off; {@code puskesos}: a Puskesos's own office hours (kelurahan code), a local
   * setting of that Puskesos; the days off are the nation's, the same for all.
   */
  @ConfigurationProperties("rujukan.calendar")
  public record Calendar(LocalTime opens, LocalTime closes, Map<Integer, List<LocalDate>> holidays,
      Map<String, Hours> puskesos) {
    public Calendar {
      opens = opens == null ? LocalTime.of(8, 0) : opens;
      closes = closes == null ? LocalTime.of(16, 0) : closes;
      holidays = holidays == null ? Map.of() : Map.copyOf(holidays);
      puskesos = puskesos == null ? Map.of() : Map.copyOf(puskesos);
    }
  }
}
