package id.puskesos.rujukan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.joda.time.DateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.GenericApplicationContext;

/**
 * What an expression in a model reaches, on the expression manager itself: the variables, values' own read methods,
 * the listed beans' reads, the delegates by name; nothing else. The escalations the analyst tried run in
 * {@code AnalystModelsScenarioTest} on the running application.
 */
class ModelExpressionsTest {

  private ModelExpressions expressions;
  private ELContext context;
  private final List<String> names = new ArrayList<>(List.of("fo", "bo"));
  private final ReferralSettings settings = new ReferralSettings();

  @BeforeEach
  void expressions() {
    GenericApplicationContext beans = new GenericApplicationContext();
    beans.registerBean("referralSettings", ReferralSettings.class, () -> settings);
    beans.registerBean("closeReferralDelegate", JavaDelegate.class, () -> execution -> { });
    // an engine service, in the application but not for models
    beans.registerBean("identityService", StringBuilder.class, () -> new StringBuilder());
    beans.refresh();
    expressions = new ModelExpressions(beans);
    context = expressions.createElContext(Variables.createVariables()
        .putValue("names", names)
        .putValue("answers", new java.util.HashMap<>(Map.of("reached", "YES")))
        .putValue("text", "Rujukan")
        .putValue("count", 3)
        .putValue("day", new Date(86_400_000L))
        .putValue("moment", new DateTime(2026, 12, 1, 8, 0))
        .asVariableContext());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "${count + 1 == 4}",
      "${text.toUpperCase() == 'RUJUKAN' && text.length() == 7 && text.blank == false}",
      "${names.size() == 2 && names[0] == 'fo' && names.contains('bo') && !names.isEmpty()}",
      "${answers.reached == 'YES' && answers['reached'] == 'YES' && answers.containsKey('reached')}",
      "${day.time == 86400000 && day.before(day) == false}",
      "${moment.plusDays(1).withTimeAtStartOfDay().toDate().time > 0}",
      "${referralSettings.followUpDelay == 'P30D' && referralSettings.decisionTimeout(true) == '8WH'}",
      "${referralSettings.waitingListLimit == 5}",
      "${closeReferralDelegate != null}",
      "${count.toString() == '3'}"})
  void aModelReadsItsVariablesValuesAndTheListedBeans(String expression) {
    assertThat(expressions.createValueExpression(expression).getValue(context)).isEqualTo(true);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "${text.getClass()}",
      "${text.class}",
      "${text.getClass().forName('java.lang.Runtime')}",
      "${count.getClass().getClassLoader()}",
      "${referralSettings.class.classLoader}",
      "${count.getInteger('java.home')}",
      "${text.valueOf(count)}",
      "${names.add('analis')}",
      "${names.clear()}",
      "${names.stream()}",
      "${names.iterator()}",
      "${answers.put('reached', 'NO')}",
      "${answers.clear()}",
      "${day.setTime(0)}",
      "${referralSettings.setFollowUpDelay('P999D')}",
      "${closeReferralDelegate.execute(null)}",
      "${closeReferralDelegate.class}",
      "${variableContext.resolve('text')}",
      "${text.wait()}"})
  void anythingElseIsRefusedNamingWhat(String expression) {
    Throwable refused = catchThrowable(() -> expressions.createValueExpression(expression).getValue(context));

    assertThat(refused).hasMessageStartingWith("Ekspresi tidak boleh");
    assertThat(names).containsExactly("fo", "bo");
    assertThat(settings.getFollowUpDelay()).isEqualTo("P30D");
  }

  @ParameterizedTest
  @ValueSource(strings = {"${identityService}", "${identityService.append('x')}"})
  void aBeanThatIsNotListedIsNotThere(String expression) {
    Throwable refused = catchThrowable(() -> expressions.createValueExpression(expression).getValue(context));

    assertThat(refused).hasMessageContaining("Ekspresi tidak boleh memakai bean 'identityService'")
        .hasMessageContaining("referralSettings");
  }
}
