package id.puskesos.rujukan.report;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Activity report settings from {@code rujukan.report}. Named {@code reportSettings} because monthly-report.bpmn
 * reads its start timer from it.
 */
@Component("reportSettings")
@ConfigurationProperties("rujukan.report")
public class ReportSettings {

  /** When the report of the month before is drawn up: a Camunda time cycle; 07:00 on the first of the month. */
  private String cycle = "0 0 7 1 * ?";
  /** E-mail addresses outside the system (the National Secretariat, the city SLRT) that receive the report. */
  private List<String> recipients = new ArrayList<>();

  public String getCycle() {
    return cycle;
  }

  public void setCycle(String cycle) {
    this.cycle = cycle;
  }

  public List<String> getRecipients() {
    return recipients;
  }

  public void setRecipients(List<String> recipients) {
    this.recipients = recipients;
  }
}
