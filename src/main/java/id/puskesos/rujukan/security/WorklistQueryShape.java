package id.puskesos.rujukan.security;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;

/**
 * Which task queries {@link WorklistTaskQuery} answers: a group filter's, "candidate group in (the user's groups)",
 * with or without assigned tasks, optionally active or suspended only, ordered by the task's own columns, and nothing
 * else. Every other criterion of the engine's task query must be as a new query has it; a criterion the statement
 * does not know (including one a later engine adds) sends the query to the engine's own statement.
 */
final class WorklistQueryShape {

  /** The criteria the worklist statement renders, and state that does not change the SQL. */
  private static final Set<String> RENDERED = Set.of("candidateGroups", "includeAssignedTasks", "suspensionState",
      // the engine's caches of the above, the one-element list of "or" queries (checked below), the variable
      // criteria (checked below), and what the engine does with the rows after the query
      "cachedCandidateGroups", "cachedUserGroups", "queries", "variables", "initializeFormKeys",
      "withCommentAttachmentInfo");

  private static final List<Field> OTHER_CRITERIA = Arrays.stream(TaskQueryImpl.class.getDeclaredFields())
      .filter(field -> !Modifier.isStatic(field.getModifiers()) && !RENDERED.contains(field.getName()))
      .peek(field -> field.setAccessible(true))
      .toList();

  private static final TaskQueryImpl NEW_QUERY = new TaskQueryImpl();

  private WorklistQueryShape() {
  }

  /** Whether the query's criteria and order are the worklist's (before the engine adds its checks). */
  static boolean fits(TaskQueryImpl query) {
    List<String> groups = query.getCandidateGroups();
    return groups != null && !groups.isEmpty()
        && query.getQueries().size() == 1 && !query.isOrQueryActive()
        && query.getVariables().isEmpty()
        && query.getOrderingProperties().stream().allMatch(WorklistQueryShape::onTaskColumn)
        && OTHER_CRITERIA.stream().allMatch(field -> Objects.deepEquals(value(field, query), value(field, NEW_QUERY)));
  }

  /** A criterion's value, an empty array or collection as none (the engine renders neither, and extending a filter's
   * query leaves empty arrays). */
  private static Object value(Field field, TaskQueryImpl query) {
    Object value = read(field, query);
    if (value != null && value.getClass().isArray() && Array.getLength(value) == 0
        || value instanceof Collection<?> collection && collection.isEmpty()) {
      return null;
    }
    return value;
  }

  /** Whether the authorization check the engine configured is one the statement renders: atomic checks only. */
  static boolean checkFits(TaskQueryImpl query) {
    AuthorizationCheck check = query.getAuthCheck();
    CompositePermissionCheck permissions = check.getPermissionChecks();
    return permissions == null || permissions.getCompositeChecks() == null
        || permissions.getCompositeChecks().isEmpty();
  }

  private static boolean onTaskColumn(QueryOrderingProperty ordering) {
    return ordering.getRelation() == null && ordering.isContainedProperty();
  }

  private static Object read(Field field, TaskQueryImpl query) {
    try {
      return field.get(query);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read the task query's " + field.getName(), e);
    }
  }
}
