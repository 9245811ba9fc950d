package id.puskesos.rujukan.evaluation;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.process.EvaluationProcess;
import id.puskesos.rujukan.process.MonthlyReportProcess;
import id.puskesos.rujukan.process.ScheduleProcesses;
import id.puskesos.rujukan.report.Report;

/**
 * {@code task_startEvaluation} in evaluation-schedule.bpmn and {@code task_startReport} in report-schedule.bpmn:
 * starts the scheduled process with no period given (the quarter or month before) and no initiator, so it knows it
 * was not asked for by hand.
 */
@Component
public class StartScheduledDelegate implements JavaDelegate {

  private static final Map<String, String> STARTS = Map.of(
      ScheduleProcesses.Evaluation.PROCESS_ID, EvaluationProcess.PROCESS_ID,
      ScheduleProcesses.Report.PROCESS_ID, MonthlyReportProcess.PROCESS_ID);

  private final RuntimeService runtimeService;

  public StartScheduledDelegate(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String schedule = execution.getProcessDefinitionId().split(":")[0];
    runtimeService.startProcessInstanceByKey(STARTS.get(schedule));
  }
}
