package id.puskesos.rujukan.registry;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Named by earlier versions of referral.bpmn and dtks-inclusion.bpmn, whose running instances still call it. It used
 * to put the full NIK and KK number on the task as variables, where every reader of the task got them; it now does
 * nothing: {@link IdentityForms} shows them on the form of those entitled, and logs every read.
 */
@Component("identityForTaskListener")
public class IdentityForTaskListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    // kept for instances of earlier model versions; see IdentityForms
  }
}
