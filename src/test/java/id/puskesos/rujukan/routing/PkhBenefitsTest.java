package id.puskesos.rujukan.routing;

import static id.puskesos.rujukan.routing.PkhBenefits.Component.EARLY_CHILD;
import static id.puskesos.rujukan.routing.PkhBenefits.Component.ELDERLY;
import static id.puskesos.rujukan.routing.PkhBenefits.Component.JUNIOR_SCHOOL;
import static id.puskesos.rujukan.routing.PkhBenefits.Component.PREGNANT;
import static id.puskesos.rujukan.routing.PkhBenefits.Component.PRIMARY_SCHOOL;
import static id.puskesos.rujukan.routing.PkhBenefits.Component.SENIOR_SCHOOL;
import static id.puskesos.rujukan.routing.PkhBenefits.Component.SEVERE_DISABILITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.puskesos.rujukan.registry.Sex;
import id.puskesos.rujukan.routing.PkhBenefits.Component;
import id.puskesos.rujukan.routing.PkhBenefits.Entitlement;
import id.puskesos.rujukan.routing.PkhBenefits.Household;
import id.puskesos.rujukan.routing.PkhBenefits.Member;

class PkhBenefitsTest {

  private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);

  // The defaults of the project's brief; in the application they come from configuration.
  private static final Map<Component, Long> DEFAULT_AMOUNTS = Map.of(
      PREGNANT, 3_000_000L,
      EARLY_CHILD, 3_000_000L,
      PRIMARY_SCHOOL, 900_000L,
      JUNIOR_SCHOOL, 1_500_000L,
      SENIOR_SCHOOL, 2_000_000L,
      SEVERE_DISABILITY, 2_400_000L,
      ELDERLY, 2_400_000L);

  private final PkhBenefits pkh = new PkhBenefits(DEFAULT_AMOUNTS, 4);

  // --- amounts and the cap ---

  static Stream<Arguments> defaultAmounts() {
    return Stream.of(
        Arguments.of(PREGNANT, 3_000_000L, 750_000L),
        Arguments.of(EARLY_CHILD, 3_000_000L, 750_000L),
        Arguments.of(PRIMARY_SCHOOL, 900_000L, 225_000L),
        Arguments.of(JUNIOR_SCHOOL, 1_500_000L, 375_000L),
        Arguments.of(SENIOR_SCHOOL, 2_000_000L, 500_000L),
        Arguments.of(SEVERE_DISABILITY, 2_400_000L, 600_000L),
        Arguments.of(ELDERLY, 2_400_000L, 600_000L));
  }

  @ParameterizedTest(name = "{0}: Rp{1}/tahun, Rp{2}/tahap")
  @MethodSource("defaultAmounts")
  void aSingleComponentPaysItsConfiguredYearlyAmountInFourStages(Component component, long yearly, long quarterly) {
    // given
    Household household = householdOf(component);

    // when
    Entitlement entitlement = pkh.entitlement(household, motherAndFather(), TODAY);

    // then
    assertThat(entitlement.counted()).containsExactly(component);
    assertThat(entitlement.notCounted()).isEmpty();
    assertThat(entitlement.yearly()).isEqualTo(yearly);
    assertThat(entitlement.quarterly()).isEqualTo(quarterly);
  }

  @Test
  void everyComponentHasADefaultAmountInThisTest() {
    assertThat(defaultAmounts().map(a -> a.get()[0])).containsExactlyInAnyOrder((Object[]) Component.values());
  }

  @Test
  void severalComponentsAddUp() {
    // given: a pregnant mother, a toddler, a primary-school child and a junior-school child
    Household household = new Household(1, 1, 1, 1, 0, 0, 0);

    // when
    Entitlement entitlement = pkh.entitlement(household, motherAndFather(), TODAY);

    // then: 3.0M + 3.0M + 0.9M + 1.5M
    assertThat(entitlement.componentCount()).isEqualTo(4);
    assertThat(entitlement.yearly()).isEqualTo(8_400_000L);
    assertThat(entitlement.quarterly()).isEqualTo(2_100_000L);
    assertThat(entitlement.notCounted()).isEmpty();
  }

  @Test
  void moreThanFourComponentsKeepsTheFourHighestAmounts() {
    // given: 2 elderly + 3 primary-school children + 1 senior-school child = 6 persons
    Household household = new Household(0, 0, 3, 0, 1, 0, 2);

    // when
    Entitlement entitlement = pkh.entitlement(household, motherAndFather(), TODAY);

    // then
    assertThat(entitlement.counted()).containsExactly(ELDERLY, ELDERLY, SENIOR_SCHOOL, PRIMARY_SCHOOL);
    assertThat(entitlement.notCounted()).containsExactly(PRIMARY_SCHOOL, PRIMARY_SCHOOL);
    assertThat(entitlement.yearly()).isEqualTo(2_400_000L * 2 + 2_000_000L + 900_000L).isEqualTo(7_700_000L);
    assertThat(entitlement.quarterly()).isEqualTo(1_925_000L);
  }

  @Test
  void equalAmountsAtTheCapAreChosenInTheComponentOrder() {
    // given: disability and elderly both pay 2.4M; 2 severely disabled + 3 elderly = 5 persons
    Household household = new Household(0, 0, 0, 0, 0, 2, 3);

    // when
    Entitlement entitlement = pkh.entitlement(household, motherAndFather(), TODAY);

    // then: SEVERE_DISABILITY is declared before ELDERLY
    assertThat(entitlement.counted()).containsExactly(SEVERE_DISABILITY, SEVERE_DISABILITY, ELDERLY, ELDERLY);
    assertThat(entitlement.notCounted()).containsExactly(ELDERLY);
  }

  @Test
  void theCapComesFromConfiguration() {
    // given
    PkhBenefits capTwo = new PkhBenefits(DEFAULT_AMOUNTS, 2);

    // when
    Entitlement entitlement = capTwo.entitlement(new Household(0, 1, 1, 1, 0, 0, 0), motherAndFather(), TODAY);

    // then
    assertThat(entitlement.counted()).containsExactly(EARLY_CHILD, JUNIOR_SCHOOL);
    assertThat(entitlement.notCounted()).containsExactly(PRIMARY_SCHOOL);
    assertThat(entitlement.yearly()).isEqualTo(4_500_000L);
  }

  @Test
  void quarterlyStageIsRoundedDownToTheWholeRupiah() {
    // given: a configured amount not divisible by 4
    Map<Component, Long> amounts = new EnumMap<>(DEFAULT_AMOUNTS);
    amounts.put(PRIMARY_SCHOOL, 900_003L);
    PkhBenefits odd = new PkhBenefits(amounts, 4);

    // when
    Entitlement entitlement = odd.entitlement(householdOf(PRIMARY_SCHOOL), motherAndFather(), TODAY);

    // then: 900.003 / 4 = 225.000,75
    assertThat(entitlement.yearly()).isEqualTo(900_003L);
    assertThat(entitlement.quarterly()).isEqualTo(225_000L);
  }

  @Test
  void familyWithoutAnyComponentGetsAnEmptyEntitlementNotAnError() {
    // given
    Household household = new Household(0, 0, 0, 0, 0, 0, 0);

    // when
    Entitlement entitlement = pkh.entitlement(household, motherAndFather(), TODAY);

    // then
    assertThat(entitlement.counted()).isEmpty();
    assertThat(entitlement.notCounted()).isEmpty();
    assertThat(entitlement.componentCount()).isZero();
    assertThat(entitlement.yearly()).isZero();
    assertThat(entitlement.quarterly()).isZero();
    assertThat(entitlement.summary()).isEqualTo("Tidak ada komponen PKH");
  }

  // --- payee ---

  @Test
  void wifeIsChosenOverAnOlderGrandmother() {
    // given: the grandmother is listed first and is older
    Member grandmother = woman("Enok Kartini", 68, "ORANG_TUA");
    Member wife = woman("Siti Aminah", 34, "ISTRI");
    List<Member> members = List.of(man("Asep Saepudin", 38, "KEPALA_KELUARGA"), grandmother, wife);

    // when
    Entitlement entitlement = pkh.entitlement(householdOf(EARLY_CHILD), members, TODAY);

    // then
    assertThat(entitlement.payee()).isEqualTo(wife);
    assertThat(entitlement.payeeNote()).isEqualTo("ibu");
  }

  @Test
  void femaleHeadOfHouseholdIsChosenWhenThereIsNoWife() {
    // given: a widow heading the KK, living with her mother
    Member head = woman("Yati Suryati", 41, "KEPALA_KELUARGA");
    List<Member> members = List.of(woman("Iis Aisyah", 66, "ORANG_TUA"), head, girl("Rina", 9));

    // when
    Entitlement entitlement = pkh.entitlement(householdOf(PRIMARY_SCHOOL), members, TODAY);

    // then
    assertThat(entitlement.payee()).isEqualTo(head);
    assertThat(entitlement.payeeNote()).isEqualTo("kepala keluarga perempuan");
  }

  @Test
  void adultGrandmotherIsChosenWhenThereIsNoMother() {
    // given: a widower with his child, his mother-in-law and an older aunt
    Member grandmother = woman("Euis Rohaeti", 61, "MERTUA");
    List<Member> members = List.of(man("Dedi Mulyadi", 40, "KEPALA_KELUARGA"),
        woman("Imas Masitoh", 70, "FAMILI_LAIN"), grandmother, girl("Nisa", 5));

    // when
    Entitlement entitlement = pkh.entitlement(householdOf(EARLY_CHILD), members, TODAY);

    // then: a grandmother goes before another relative, even an older one
    assertThat(entitlement.payee()).isEqualTo(grandmother);
    assertThat(entitlement.payeeNote()).isEqualTo("pengasuh perempuan dewasa");
  }

  @Test
  void amongOtherAdultWomenTheOldestIsChosen() {
    // given: no mother, no grandmother
    Member aunt = woman("Imas Masitoh", 52, "FAMILI_LAIN");
    List<Member> members = List.of(man("Dedi Mulyadi", 40, "KEPALA_KELUARGA"), woman("Lina Marlina", 20, "ANAK"),
        aunt, woman("Neng Sri", 29, "LAINNYA"));

    // when
    Entitlement entitlement = pkh.entitlement(householdOf(PRIMARY_SCHOOL), members, TODAY);

    // then
    assertThat(entitlement.payee()).isEqualTo(aunt);
    assertThat(entitlement.payeeNote()).isEqualTo("pengasuh perempuan dewasa");
  }

  @Test
  void girlOfSixteenIsNotChosenAsPayee() {
    // given: a father and his 16-year-old daughter
    List<Member> members = List.of(man("Dedi Mulyadi", 45, "KEPALA_KELUARGA"), girl("Rina", 16));

    // when
    Entitlement entitlement = pkh.entitlement(householdOf(SENIOR_SCHOOL), members, TODAY);

    // then
    assertThat(entitlement.payee()).isNull();
    assertThat(entitlement.payeeNote())
        .isEqualTo("Tidak ada ibu atau pengasuh perempuan dewasa di KK; Dinas Sosial menetapkan penerima");
  }

  @Test
  void womanIsAdultFromHerEighteenthBirthday() {
    // given: a sister turning 18 today
    Member sister = new Member("Lina Marlina", Sex.F, TODAY.minusYears(18), "ANAK", false, false);
    List<Member> members = List.of(man("Dedi Mulyadi", 45, "KEPALA_KELUARGA"), sister);

    // when
    Entitlement entitlement = pkh.entitlement(householdOf(PRIMARY_SCHOOL), members, TODAY);

    // then
    assertThat(entitlement.payee()).isEqualTo(sister);
  }

  @Test
  void deceasedMotherIsSkipped() {
    // given
    Member grandmother = woman("Enok Kartini", 68, "ORANG_TUA");
    Member mother = new Member("Siti Aminah", Sex.F, TODAY.minusYears(34), "ISTRI", true, false);
    List<Member> members = List.of(man("Asep Saepudin", 38, "KEPALA_KELUARGA"), mother, grandmother);

    // when
    Entitlement entitlement = pkh.entitlement(householdOf(EARLY_CHILD), members, TODAY);

    // then
    assertThat(entitlement.payee()).isEqualTo(grandmother);
    assertThat(entitlement.payeeNote()).isEqualTo("pengasuh perempuan dewasa");
  }

  @Test
  void motherWhoMovedAwayIsSkipped() {
    // given
    Member grandmother = woman("Enok Kartini", 68, "ORANG_TUA");
    Member mother = new Member("Siti Aminah", Sex.F, TODAY.minusYears(34), "ISTRI", false, true);
    List<Member> members = List.of(man("Asep Saepudin", 38, "KEPALA_KELUARGA"), mother, grandmother);

    // when
    Entitlement entitlement = pkh.entitlement(householdOf(EARLY_CHILD), members, TODAY);

    // then
    assertThat(entitlement.payee()).isEqualTo(grandmother);
  }

  @Test
  void familyWithoutAWomanHasNoPayeeAndDinasSosialDecides() {
    // given: a father and his son
    List<Member> members = List.of(man("Dedi Mulyadi", 45, "KEPALA_KELUARGA"), man("Ujang", 10, "ANAK"));

    // when
    Entitlement entitlement = pkh.entitlement(householdOf(PRIMARY_SCHOOL), members, TODAY);

    // then
    assertThat(entitlement.payee()).isNull();
    assertThat(entitlement.payeeNote())
        .isEqualTo("Tidak ada ibu atau pengasuh perempuan dewasa di KK; Dinas Sosial menetapkan penerima");
  }

  // --- summary ---

  @Test
  void summaryStatesComponentsAmountsInRupiahAndPayee() {
    // given
    Entitlement entitlement = pkh.entitlement(householdOf(EARLY_CHILD, PRIMARY_SCHOOL), motherAndFather(), TODAY);

    // when
    String summary = entitlement.summary();

    // then
    assertThat(summary).isEqualTo("2 komponen (Anak usia dini 0-6 tahun, Anak SD/sederajat): "
        + "Rp3.900.000/tahun, Rp975.000/tahap; penerima: Siti Aminah (ibu)");
  }

  @Test
  void summaryMentionsComponentsNotCounted() {
    // given
    Entitlement entitlement = pkh.entitlement(new Household(0, 0, 3, 0, 1, 0, 2), motherAndFather(), TODAY);

    // when
    String summary = entitlement.summary();

    // then
    assertThat(summary).isEqualTo("4 komponen (Lanjut usia 60+, Lanjut usia 60+, Anak SMA/sederajat, "
        + "Anak SD/sederajat): Rp7.700.000/tahun, Rp1.925.000/tahap; penerima: Siti Aminah (ibu); "
        + "2 komponen tidak dihitung (batas 4 per keluarga): Anak SD/sederajat, Anak SD/sederajat");
  }

  @Test
  void summaryWithoutPayeeSaysDinasSosialDecides() {
    // given
    Entitlement entitlement = pkh.entitlement(householdOf(ELDERLY), List.of(man("Karta", 72, "KEPALA_KELUARGA")),
        TODAY);

    // when
    String summary = entitlement.summary();

    // then
    assertThat(summary).isEqualTo("1 komponen (Lanjut usia 60+): Rp2.400.000/tahun, Rp600.000/tahap; "
        + "Tidak ada ibu atau pengasuh perempuan dewasa di KK; Dinas Sosial menetapkan penerima");
  }

  // --- invalid input ---

  @Test
  void componentWithoutAmountIsRejected() {
    Map<Component, Long> amounts = new EnumMap<>(DEFAULT_AMOUNTS);
    amounts.remove(ELDERLY);

    assertThatThrownBy(() -> new PkhBenefits(amounts, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ELDERLY");
  }

  @Test
  void zeroOrNegativeAmountIsRejected() {
    Map<Component, Long> zero = new EnumMap<>(DEFAULT_AMOUNTS);
    zero.put(JUNIOR_SCHOOL, 0L);
    Map<Component, Long> negative = new EnumMap<>(DEFAULT_AMOUNTS);
    negative.put(PREGNANT, -1L);

    assertThatThrownBy(() -> new PkhBenefits(zero, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JUNIOR_SCHOOL").hasMessageContaining("positive");
    assertThatThrownBy(() -> new PkhBenefits(negative, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PREGNANT").hasMessageContaining("positive");
  }

  @Test
  void missingAmountsAreRejected() {
    assertThatThrownBy(() -> new PkhBenefits(null, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("amounts");
  }

  @Test
  void capBelowOneIsRejected() {
    assertThatThrownBy(() -> new PkhBenefits(DEFAULT_AMOUNTS, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxComponents");
  }

  @Test
  void negativeHouseholdCountIsRejected() {
    assertThatThrownBy(() -> new Household(0, 0, -1, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("primarySchool");
  }

  @Test
  void unknownRelationshipIsRejected() {
    assertThatThrownBy(() -> new Member("Siti Aminah", Sex.F, TODAY.minusYears(34), "Istri", false, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Istri");
  }

  // --- helpers ---

  private static Household householdOf(Component... components) {
    int[] counts = new int[Component.values().length];
    for (Component component : components) {
      counts[component.ordinal()]++;
    }
    return new Household(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6]);
  }

  private static List<Member> motherAndFather() {
    return List.of(man("Asep Saepudin", 38, "KEPALA_KELUARGA"), woman("Siti Aminah", 34, "ISTRI"));
  }

  private static Member woman(String name, int age, String relationship) {
    return new Member(name, Sex.F, TODAY.minusYears(age).minusDays(1), relationship, false, false);
  }

  private static Member girl(String name, int age) {
    return woman(name, age, "ANAK");
  }

  private static Member man(String name, int age, String relationship) {
    return new Member(name, Sex.M, TODAY.minusYears(age).minusDays(1), relationship, false, false);
  }
}
