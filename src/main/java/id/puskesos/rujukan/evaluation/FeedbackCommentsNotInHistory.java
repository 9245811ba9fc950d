package id.puskesos.rujukan.evaluation;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import id.puskesos.rujukan.process.NotInHistory;

/**
 * The feedback form's comment on each {@link Aspect} ({@code comment<Aspect>}) stays out of the engine's history,
 * like the form's other free-text answers ({@code worked}, {@code obstacles}, {@code ideas}, declared
 * {@code notInHistory()} in {@code EvaluationProcess.Variables}): the evaluation's feedback table keeps them. The
 * scores stay. See docs/history.md.
 */
@Component
class FeedbackCommentsNotInHistory implements NotInHistory {

  @Override
  public Set<String> variableNames() {
    return Arrays.stream(Aspect.values()).map(Aspect::commentVariable).collect(Collectors.toUnmodifiableSet());
  }
}
