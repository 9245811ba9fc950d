package id.puskesos.rujukan.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.mockito.Mockito;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The process tests run what the application runs: every delegate expression of the models names a bean that
 * {@link RealDelegates} registers, and that bean is the application's own component of the kind the element calls,
 * not a stand-in.
 */
@ResourceLock("process-engine")
class RealDelegatesTest {

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern BEAN = Pattern.compile("[$#]\\{(\\w+)}");

  /** One {@code camunda:delegateExpression} of a model. */
  record DelegateUse(String model, String element, String kind, String expression) {

    /** What the engine requires of the bean: a listener for a listener, a delegate for a task or an event. */
    Class<?> type() {
      return switch (kind) {
        case "taskListener" -> TaskListener.class;
        case "executionListener" -> ExecutionListener.class;
        default -> JavaDelegate.class;
      };
    }
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void everyDelegateExpressionOfTheModelsIsARealDelegateRegisteredForTheProcessTests() throws Exception {
    List<DelegateUse> uses = delegateUses();
    assertThat(uses).as("delegate expressions in processes/").hasSizeGreaterThan(30);

    RealDelegates delegates = RealDelegates.register();

    for (DelegateUse use : uses) {
      Matcher bean = BEAN.matcher(use.expression());
      assertThat(bean.matches()).as("%s in %s names a bean: %s", use.element(), use.model(), use.expression())
          .isTrue();
      Object registered = Mocks.get(bean.group(1));
      assertThat(registered).as("%s in %s: %s is registered", use.element(), use.model(), bean.group(1)).isNotNull()
          .isSameAs(delegates.beans().get(bean.group(1))).isInstanceOf(use.type());
      assertThat(Mockito.mockingDetails(registered).isMock()).as("%s is a mock", bean.group(1)).isFalse();
      assertThat(registered.getClass().getPackageName()).as("%s comes from the application", bean.group(1))
          .startsWith(RealDelegates.BASE_PACKAGE);
      assertThat(Path.of("src/main/java", registered.getClass().getName().replace('.', '/') + ".java"))
          .as("%s is main code", registered.getClass().getName()).exists();
    }
  }

  @Test
  void theRegistryHoldsTheBeansTheModelsReadBesidesTheDelegates() {
    assertThat(RealDelegates.components()).containsKeys(ModelExpressions.MODEL_BEANS.toArray(String[]::new));
  }

  private static List<DelegateUse> delegateUses() throws Exception {
    List<DelegateUse> uses = new ArrayList<>();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
        NodeList all = factory.newDocumentBuilder().parse(model.toFile()).getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
          Element element = (Element) all.item(i);
          if (element.hasAttributeNS(CAMUNDA, "delegateExpression")) {
            uses.add(new DelegateUse(model.getFileName().toString(), owner(element), element.getLocalName(),
                element.getAttributeNS(CAMUNDA, "delegateExpression")));
          }
        }
      }
    }
    return uses;
  }

  /** The id of the element, or of the element a listener belongs to. */
  private static String owner(Element element) {
    for (var node = element; node != null; node = node.getParentNode() instanceof Element parent ? parent : null) {
      if (node.hasAttribute("id")) {
        return node.getAttribute("id");
      }
    }
    return element.getLocalName();
  }
}
