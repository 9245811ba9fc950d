package id.puskesos.rujukan.security;

import java.io.InputStream;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.stereotype.Component;

/**
 * Comments and attachments follow the task and the case they hang on. Camunda 7.24 checks nothing when a comment or
 * an attachment is created, when an attachment is read or deleted by its id, or when a comment is read by its id
 * ({@code AddCommentCmd}, {@code CreateAttachmentCmd}, {@code DeleteAttachmentCmd}, {@code GetTaskCommentCmd}...);
 * its REST API only checks that the caller can see the task in the history, so the manager, who reads every task,
 * could comment on any partner's task, and anyone could hang a comment on another case by naming its instance in the
 * body. Here writing one needs the right to work the task (claim or complete it) or to update the instance, and
 * reading one the right to read the task or the instance (or, once ended, its history). Administrators and the
 * application acting on its own account (no signed-in user) are not concerned.
 */
@Component
public class TaskNotesGuard extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTaskService(new GuardedTaskService());
  }

  /** Camunda's task service with the checks its comment and attachment commands lack. */
  static final class GuardedTaskService extends TaskServiceImpl {

    @Override
    public Comment createComment(String taskId, String processInstanceId, String message) {
      check(Need.WORK, taskId, processInstanceId);
      return super.createComment(taskId, processInstanceId, message);
    }

    @Override
    public void addComment(String taskId, String processInstanceId, String message) {
      createComment(taskId, processInstanceId, message);
    }

    @Override
    public List<Comment> getTaskComments(String taskId) {
      check(Need.READ, taskId, null);
      return super.getTaskComments(taskId);
    }

    @Override
    public Comment getTaskComment(String taskId, String commentId) {
      check(Need.READ, taskId, null);
      return super.getTaskComment(taskId, commentId);
    }

    @Override
    public List<Comment> getProcessInstanceComments(String processInstanceId) {
      check(Need.READ, null, processInstanceId);
      return super.getProcessInstanceComments(processInstanceId);
    }

    @Override
    public Attachment createAttachment(String type, String taskId, String processInstanceId, String name,
        String description, InputStream content) {
      check(Need.WORK, taskId, processInstanceId);
      return super.createAttachment(type, taskId, processInstanceId, name, description, content);
    }

    @Override
    public Attachment createAttachment(String type, String taskId, String processInstanceId, String name,
        String description, String url) {
      check(Need.WORK, taskId, processInstanceId);
      return super.createAttachment(type, taskId, processInstanceId, name, description, url);
    }

    @Override
    public List<Attachment> getTaskAttachments(String taskId) {
      check(Need.READ, taskId, null);
      return super.getTaskAttachments(taskId);
    }

    @Override
    public Attachment getTaskAttachment(String taskId, String attachmentId) {
      check(Need.READ, taskId, null);
      return super.getTaskAttachment(taskId, attachmentId);
    }

    @Override
    public InputStream getTaskAttachmentContent(String taskId, String attachmentId) {
      check(Need.READ, taskId, null);
      return super.getTaskAttachmentContent(taskId, attachmentId);
    }

    @Override
    public List<Attachment> getProcessInstanceAttachments(String processInstanceId) {
      check(Need.READ, null, processInstanceId);
      return super.getProcessInstanceAttachments(processInstanceId);
    }

    @Override
    public Attachment getAttachment(String attachmentId) {
      checkAttachment(Need.READ, attachmentId);
      return super.getAttachment(attachmentId);
    }

    @Override
    public InputStream getAttachmentContent(String attachmentId) {
      checkAttachment(Need.READ, attachmentId);
      return super.getAttachmentContent(attachmentId);
    }

    @Override
    public void deleteAttachment(String attachmentId) {
      checkAttachment(Need.WORK, attachmentId);
      super.deleteAttachment(attachmentId);
    }

    @Override
    public void deleteTaskAttachment(String taskId, String attachmentId) {
      check(Need.WORK, taskId, null);
      super.deleteTaskAttachment(taskId, attachmentId);
    }

    @Override
    public void saveAttachment(Attachment attachment) {
      checkAttachment(Need.WORK, attachment.getId());
      super.saveAttachment(attachment);
    }

    private void check(Need need, String taskId, String processInstanceId) {
      commandExecutor.execute(new Check(need, taskId, processInstanceId, null));
    }

    private void checkAttachment(Need need, String attachmentId) {
      commandExecutor.execute(new Check(need, null, null, attachmentId));
    }
  }

  enum Need {
    READ, WORK
  }

  /** The caller's right to read or to write notes on the task and the instance (or the attachment's). */
  private record Check(Need need, String taskId, String processInstanceId, String attachmentId)
      implements Command<Void> {

    @Override
    public Void execute(CommandContext context) {
      Authentication caller = context.getAuthentication();
      if (!context.getProcessEngineConfiguration().isAuthorizationEnabled() || !context.isAuthorizationCheckEnabled()
          || caller == null || context.getAuthorizationManager().isCamundaAdmin(caller)) {
        return null;
      }
      String task = taskId;
      String instance = processInstanceId;
      if (attachmentId != null) {
        AttachmentEntity attachment = context.getDbEntityManager().selectById(AttachmentEntity.class, attachmentId);
        if (attachment == null) {
          return null;
        }
        task = attachment.getTaskId();
        instance = attachment.getProcessInstanceId();
      }
      if (task != null) {
        checkTask(context, task);
      }
      if (instance != null) {
        checkInstance(context, instance);
      }
      return null;
    }

    private void checkTask(CommandContext context, String id) {
      TaskEntity task = context.getTaskManager().findTaskById(id);
      if (task != null) {
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
          if (need == Need.WORK) {
            checker.checkTaskWork(task);
          } else {
            checker.checkReadTask(task);
          }
        }
      } else if (need == Need.WORK) {
        throw refused();
      } else if (((HistoricTaskInstanceQueryImpl) new HistoricTaskInstanceQueryImpl().taskId(id))
          .executeCount(context) == 0) {
        throw refused();
      }
    }

    private void checkInstance(CommandContext context, String id) {
      ExecutionEntity instance = context.getExecutionManager().findExecutionById(id);
      if (instance != null) {
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
          if (need == Need.WORK) {
            checker.checkUpdateProcessInstance(instance);
          } else {
            checker.checkReadProcessInstance(instance);
          }
        }
      } else if (need == Need.WORK
          || new HistoricProcessInstanceQueryImpl().processInstanceId(id).executeCount(context) == 0) {
        throw refused();
      }
    }

    private static AuthorizationException refused() {
      return new AuthorizationException("Komentar dan lampiran hanya untuk yang boleh mengerjakan tugas atau kasus "
          + "ini (membaca: yang boleh melihatnya)");
    }
  }
}
