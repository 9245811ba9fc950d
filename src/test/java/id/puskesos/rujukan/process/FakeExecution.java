package id.puskesos.rujukan.process;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** A delegate execution backed by a map, for unit tests of delegates. */
public final class FakeExecution {

  public final Map<String, Object> variables = new HashMap<>();
  public String businessKey;
  public final DelegateExecution execution = mock(DelegateExecution.class);

  @SuppressWarnings("unchecked")
  public FakeExecution(Map<String, Object> initial) {
    variables.putAll(initial);
    when(execution.getVariable(anyString())).thenAnswer(i -> variables.get(i.<String>getArgument(0)));
    when(execution.getProcessInstanceId()).thenReturn("pi-1");
    when(execution.getProcessBusinessKey()).thenAnswer(i -> businessKey);
    doAnswer(i -> variables.put(i.getArgument(0), i.getArgument(1))).when(execution)
        .setVariable(anyString(), any());
    doAnswer(i -> {
      variables.putAll(i.<Map<String, Object>>getArgument(0));
      return null;
    }).when(execution).setVariables(anyMap());
    doAnswer(i -> variables.remove(i.<String>getArgument(0))).when(execution).removeVariable(anyString());
    doAnswer(i -> businessKey = i.getArgument(0)).when(execution).setProcessBusinessKey(anyString());
  }
}
