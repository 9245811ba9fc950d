package id.puskesos.rujukan.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The group worklist ("Tugas kelompok saya" and the filters like it) in a query that stays fast with a city's open
 * tasks, with the engine's criteria, authorization check and order, so that who sees what is the engine's decision.
 * <p>
 * The engine's task query joins each task to its identity links and to every grant of the user's groups that matches
 * "the task's id, its definition's key or *", and then needs {@code DISTINCT} to list each task once; on PostgreSQL 15
 * that means joining, de-duplicating and sorting all the group's tasks for each page (docs/operations.md, "The
 * worklist"). The statement in {@code WorklistTaskQuery.xml} tests the link and the grants with sub-selects (IN,
 * EXISTS) instead, so each task appears once by construction and the database can walk the index on (priority,
 * creation time, V28) and stop after a page; the count counts tasks, not joined rows. It answers only the queries
 * {@link WorklistQueryShape} accepts, on H2 and PostgreSQL; every other query, database or authorization check
 * goes to the engine's own statement. {@code rujukan.worklist.fast-query=false} sends all of them there.
 */
@Component
public class WorklistTaskQuery extends AbstractProcessEnginePlugin {

  static final String NAMESPACE = "id.puskesos.rujukan.security.WorklistTaskQuery";
  static final String LIST = NAMESPACE + ".selectWorklistTasks";
  static final String COUNT = NAMESPACE + ".selectWorklistTaskCount";
  private static final String MAPPER = "id/puskesos/rujukan/security/WorklistTaskQuery.xml";
  /** The databases the statement was checked on against the engine's (WorklistTaskQueryTest). */
  private static final Set<String> DATABASES = Set.of("h2", "postgres");

  private volatile boolean enabled;
  private volatile boolean registered;
  private final LongAdder answered = new LongAdder();

  public WorklistTaskQuery(@Value("${rujukan.worklist.fast-query:true}") boolean enabled) {
    this.enabled = enabled;
  }

  /** Sends the worklist to this statement (true) or to the engine's (false), as the property does at start. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** How many lists and counts this statement answered since start. */
  public long answered() {
    return answered.sum();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineSessions.replace(configuration, TaskManager.class, Worklists::new);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!DATABASES.contains(configuration.getDatabaseType())) {
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    synchronized (mybatis) {
      if (!mybatis.hasStatement(LIST, false)) {
        try (InputStream mapper = WorklistTaskQuery.class.getClassLoader().getResourceAsStream(MAPPER)) {
          new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    registered = true;
  }

  private boolean answers(TaskQueryImpl query) {
    return enabled && registered && WorklistQueryShape.fits(query);
  }

  /** The engine's task manager, with the worklist's statement for the worklist's queries. */
  class Worklists extends TaskManager {
    @Override
    public List<Task> findTasksByQueryCriteria(TaskQueryImpl query) {
      if (!answers(query)) {
        return super.findTasksByQueryCriteria(query);
      }
      configureQuery(query);
      if (!WorklistQueryShape.checkFits(query)) {
        return getDbEntityManager().selectList("selectTaskByQueryCriteria", query);
      }
      answered.increment();
      return getDbEntityManager().selectList(LIST, query);
    }

    @Override
    public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
      if (!answers(query)) {
        return super.findTaskCountByQueryCriteria(query);
      }
      configureQuery(query);
      if (!WorklistQueryShape.checkFits(query)) {
        return (Long) getDbEntityManager().selectOne("selectTaskCountByQueryCriteria", query);
      }
      answered.increment();
      return (Long) getDbEntityManager().selectOne(COUNT, query);
    }
  }
}
