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
import id.puskesos.rujukan.tenant.Puskesos;
import id.puskesos.rujukan.tenant.PuskesosDirectory;

/**
 * {@code task_startEvaluation} in evaluation-schedule.bpmn and {@code task_startReport} in report-schedule.bpmn:
 * starts the scheduled process once per Puskesos, with no period given (the quarter or month before) and no
 * initiator, so it knows it was not asked for by hand; {@code puskesosCode} names the Puskesos, whose tenant the
 * instance gets (CaseTenants). One instance per Puskesos, not one for all: each evaluation and report has its own
 * tasks for that Puskesos's koordinator, which the engine's tenant check keeps within it. The city's evaluation is
 * opened by hand (the city SLRT), once the Puskesos have held theirs.
 */
@Component
public class StartScheduledDelegate implements JavaDelegate {

  private static final Map<String, String> STARTS = Map.of(
      ScheduleProcesses.Evaluation.PROCESS_ID, EvaluationProcess.PROCESS_ID,
      ScheduleProcesses.Report.PROCESS_ID, MonthlyReportProcess.PROCESS_ID);

  private final RuntimeService runtimeService;
  private final PuskesosDirectory directory;

  public StartScheduledDelegate(RuntimeService runtimeService, PuskesosDirectory directory) {
    this.runtimeService = runtimeService;
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String schedule = execution.getProcessDefinitionId().split(":")[0];
    for (Puskesos puskesos : directory.all()) {
      // the same variable name in both processes (MonthlyReportProcess declares it too)
      runtimeService.startProcessInstanceByKey(STARTS.get(schedule),
          EvaluationProcess.Variables.PUSKESOS_CODE.put(new java.util.HashMap<>(), puskesos.tenantId()));
    }
  }
}
