package id.puskesos.rujukan.routing;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import id.puskesos.rujukan.registry.DtksExtract;
import id.puskesos.rujukan.registry.Sex;

/**
 * PKH (Program Keluarga Harapan) benefit of a family, as Dinas Sosial computes it: one component per eligible person,
 * each with a yearly amount; at most {@code maxComponents} components count per family, the ones with the highest
 * yearly amounts (ties broken by the order of {@link Component}); the yearly total is paid in four quarterly stages
 * (tahap) to the mother or an adult female caretaker.
 *
 * <p>The yearly amounts and the cap come from configuration (the constructor), never from this class: the Ministry
 * changes them by regulation.
 */
public class PkhBenefits {

  /** PKH pays the yearly benefit in four stages (tahap), one per quarter. */
  static final int STAGES_PER_YEAR = 4;

  static final String NO_PAYEE_NOTE =
      "Tidak ada ibu atau pengasuh perempuan dewasa di KK; Dinas Sosial menetapkan penerima";

  private static final int ADULT_AGE = 18;

  /** PKH components, in the order that breaks ties between equal amounts when the cap applies. */
  public enum Component {
    PREGNANT("Ibu hamil/nifas"),
    EARLY_CHILD("Anak usia dini 0-6 tahun"),
    PRIMARY_SCHOOL("Anak SD/sederajat"),
    JUNIOR_SCHOOL("Anak SMP/sederajat"),
    SENIOR_SCHOOL("Anak SMA/sederajat"),
    SEVERE_DISABILITY("Penyandang disabilitas berat"),
    ELDERLY("Lanjut usia 60+");

    private final String label;

    Component(String label) {
      this.label = label;
    }

    /** The name shown to officers and residents. */
    public String label() {
      return label;
    }
  }

  /** How many persons of the family fall in each component; a person is counted in one component only. */
  public record Household(int pregnant, int earlyChildren, int primarySchool, int juniorSchool, int seniorSchool,
      int severelyDisabled, int elderly) {

    public Household {
      notNegative("pregnant", pregnant);
      notNegative("earlyChildren", earlyChildren);
      notNegative("primarySchool", primarySchool);
      notNegative("juniorSchool", juniorSchool);
      notNegative("seniorSchool", seniorSchool);
      notNegative("severelyDisabled", severelyDisabled);
      notNegative("elderly", elderly);
    }

    private static void notNegative(String field, int count) {
      if (count < 0) {
        throw new IllegalArgumentException("PKH household count " + field + " must not be negative: " + count);
      }
    }

    /** One entry per person, in the order of {@link Component}. */
    List<Component> components() {
      List<Component> components = new ArrayList<>();
      add(components, Component.PREGNANT, pregnant);
      add(components, Component.EARLY_CHILD, earlyChildren);
      add(components, Component.PRIMARY_SCHOOL, primarySchool);
      add(components, Component.JUNIOR_SCHOOL, juniorSchool);
      add(components, Component.SENIOR_SCHOOL, seniorSchool);
      add(components, Component.SEVERE_DISABILITY, severelyDisabled);
      add(components, Component.ELDERLY, elderly);
      return components;
    }

    private static void add(List<Component> components, Component component, int count) {
      for (int i = 0; i < count; i++) {
        components.add(component);
      }
    }
  }

  /**
   * A member of the family card (KK), as far as choosing the payee needs. {@code relationship} is the KK's hubungan
   * keluarga code (see {@link DtksExtract#RELATIONSHIPS}) or null when unknown.
   */
  public record Member(String name, Sex sex, LocalDate birthDate, String relationship, boolean deceased,
      boolean movedAway) {

    public Member {
      // A misspelt code would silently skip the mother, so refuse it rather than guess.
      if (relationship != null && !DtksExtract.RELATIONSHIPS.contains(relationship)) {
        throw new IllegalArgumentException("unknown family relationship: " + relationship);
      }
    }

    boolean present() {
      return !deceased && !movedAway;
    }

    boolean woman() {
      return sex == Sex.F;
    }

    /** Without a birth date the age is unknown, so she is not taken as an adult. */
    boolean adultOn(LocalDate today) {
      return birthDate != null && Period.between(birthDate, today).getYears() >= ADULT_AGE;
    }
  }

  /**
   * What the family receives. {@code counted} holds the components paid, highest amount first; {@code notCounted}
   * those over the cap. {@code payee} is null when no woman qualifies, and {@code payeeNote} then says so.
   */
  public record Entitlement(List<Component> counted, List<Component> notCounted, long yearly, long quarterly,
      Member payee, String payeeNote) {

    public Entitlement {
      counted = List.copyOf(counted);
      notCounted = List.copyOf(notCounted);
    }

    public int componentCount() {
      return counted.size();
    }

    /**
     * E.g. "2 komponen (Anak usia dini 0-6 tahun, Anak SD/sederajat): Rp3.900.000/tahun, Rp975.000/tahap; penerima:
     * Siti Aminah (ibu)", followed by "; 2 komponen tidak dihitung (batas 4 per keluarga): ..." when the cap applied.
     */
    public String summary() {
      if (counted.isEmpty()) {
        return "Tidak ada komponen PKH";
      }
      StringBuilder text = new StringBuilder()
          .append(counted.size()).append(" komponen (").append(labels(counted)).append("): ")
          .append(rupiah(yearly)).append("/tahun, ").append(rupiah(quarterly)).append("/tahap; ");
      if (payee != null) {
        text.append("penerima: ").append(payee.name()).append(" (").append(payeeNote).append(')');
      } else {
        text.append(payeeNote);
      }
      if (!notCounted.isEmpty()) {
        // Components are only left out when the cap is reached, so the cap equals the number counted.
        text.append("; ").append(notCounted.size()).append(" komponen tidak dihitung (batas ").append(counted.size())
            .append(" per keluarga): ").append(labels(notCounted));
      }
      return text.toString();
    }

    private static String labels(List<Component> components) {
      return components.stream().map(Component::label).collect(Collectors.joining(", "));
    }

    private static String rupiah(long amount) {
      return "Rp" + NumberFormat.getIntegerInstance(Locale.forLanguageTag("id-ID")).format(amount);
    }
  }

  private final Map<Component, Long> yearlyAmounts;
  private final int maxComponents;

  /**
   * @param yearlyAmounts yearly benefit in rupiah of every component, from configuration; each must be positive
   * @param maxComponents how many components count per family at most (4 by the current regulation)
   */
  public PkhBenefits(Map<Component, Long> yearlyAmounts, int maxComponents) {
    if (yearlyAmounts == null) {
      throw new IllegalArgumentException("PKH yearly amounts are missing");
    }
    this.yearlyAmounts = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      Long amount = yearlyAmounts.get(component);
      if (amount == null) {
        throw new IllegalArgumentException("no PKH yearly amount for component " + component);
      }
      if (amount <= 0) {
        throw new IllegalArgumentException(
            "PKH yearly amount for component " + component + " must be positive: " + amount);
      }
      this.yearlyAmounts.put(component, amount);
    }
    if (maxComponents < 1) {
      throw new IllegalArgumentException("PKH maxComponents must be at least 1: " + maxComponents);
    }
    this.maxComponents = maxComponents;
  }

  public long yearlyAmount(Component component) {
    return yearlyAmounts.get(component);
  }

  public int maxComponents() {
    return maxComponents;
  }

  /**
   * The family's PKH benefit on {@code today}: the components over the cap are dropped (lowest amounts first), the
   * yearly total is the sum of the counted amounts and the quarterly stage is the yearly total divided by 4, rounded
   * down to the whole rupiah. A family without any component gets an empty entitlement of Rp0, not an error.
   *
   * <p>Payee, among members neither deceased nor moved away: a woman recorded as ISTRI ("ibu"); else a woman who is
   * KEPALA_KELUARGA ("kepala keluarga perempuan"); else a woman aged 18 or more on {@code today}, a grandmother
   * (ORANG_TUA/MERTUA) before other relatives, then the oldest ("pengasuh perempuan dewasa"). Within one rule the
   * first in {@code members} wins a tie. When no woman qualifies the payee is null and Dinas Sosial decides.
   */
  public Entitlement entitlement(Household household, List<Member> members, LocalDate today) {
    Objects.requireNonNull(household, "household");
    Objects.requireNonNull(members, "members");
    Objects.requireNonNull(today, "today");

    // Stable sort over the enum-ordered list: equal amounts keep the order of Component.
    List<Component> components = household.components();
    components.sort(Comparator.comparingLong(this::yearlyAmount).reversed());
    int cut = Math.min(maxComponents, components.size());
    List<Component> counted = components.subList(0, cut);
    List<Component> notCounted = components.subList(cut, components.size());
    long yearly = counted.stream().mapToLong(this::yearlyAmount).reduce(0, Math::addExact);

    List<Member> present = members.stream().filter(m -> m != null && m.present()).toList();
    Optional<Member> mother = firstWoman(present, "ISTRI");
    Optional<Member> femaleHead = firstWoman(present, "KEPALA_KELUARGA");
    Optional<Member> caretaker = present.stream()
        .filter(m -> m.woman() && m.adultOn(today))
        .min(Comparator.comparing(PkhBenefits::grandmother).reversed()
            .thenComparing(Member::birthDate));
    Member payee;
    String note;
    if (mother.isPresent()) {
      payee = mother.get();
      note = "ibu";
    } else if (femaleHead.isPresent()) {
      payee = femaleHead.get();
      note = "kepala keluarga perempuan";
    } else if (caretaker.isPresent()) {
      payee = caretaker.get();
      note = "pengasuh perempuan dewasa";
    } else {
      payee = null;
      note = NO_PAYEE_NOTE;
    }
    return new Entitlement(counted, notCounted, yearly, yearly / STAGES_PER_YEAR, payee, note);
  }

  private static Optional<Member> firstWoman(List<Member> members, String relationship) {
    return members.stream().filter(m -> m.woman() && relationship.equals(m.relationship())).findFirst();
  }

  private static boolean grandmother(Member member) {
    return "ORANG_TUA".equals(member.relationship()) || "MERTUA".equals(member.relationship());
  }
}
