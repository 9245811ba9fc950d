package id.puskesos.rujukan.distribution;

import static id.puskesos.rujukan.referral.ProgramStatus.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.puskesos.rujukan.RujukanApplication;
import id.puskesos.rujukan.distribution.FacilitationFigures.Case;
import id.puskesos.rujukan.distribution.FacilitationFigures.Program;
import id.puskesos.rujukan.referral.Need;
import id.puskesos.rujukan.referral.Outcome;
import id.puskesos.rujukan.referral.ProgramStatus;

/**
 * The third quarter of 2026 (1 July to 30 September, Bandung time), built by hand: thirteen cases received, nine of
 * them referred to a partner, five facilitated. The study's rate is 5 of 13 (38,5%); of the referred, 5 of 9 (55,6%).
 * Two more complaints came in and were merged into open cases (A and C): they are not cases of their own.
 *
 * <pre>
 * case received (WIB)      needs          programs (status, first handover)            case now                 facilitated
 * A    1 Jul 00:30         FOOD, CASH     PKH rejected; Salman food 5 Jul              closed partly facil.     yes (Salman)
 * B    15 Jul              HEALTH         Bandung Sehat 20 Jul                         open, no follow-up yet   yes
 * C    20 Jul              FOOD           BPNT 25 Jul                                  open, said NOT received  no
 * D    3 Aug               FOOD           BPNT handed over 5 Aug, NOT_RECEIVED         closed rejected          no
 * E    10 Aug              CASH           BAZNAS consumptive 12 Aug                    closed unreachable       no
 * F    20 Aug              FOOD           BPNT in part 22 Aug                          open, received in part   yes
 * G    1 Sep               EDUCATION      Bandung Cerdas not sent (no consent)         closed not eligible      no (not referred)
 * H    5 Sep               ORPHAN         Salman orphans kept as alternative; PKH n.s. open                     no (not referred)
 * I    10 Sep              FOOD           BPNT referred, undecided                     open                     no
 * J    15 Sep              HOUSING        none                                         closed not eligible      no (not referred)
 * K    20 Sep              CIVIL_DOCS     none                                         closed withdrawn         no (not referred)
 * L    30 Sep 23:30        FOOD           BPNT 5 Oct (after the quarter)               open, no follow-up       yes
 * M    25 Sep              HEALTH         Bandung Sehat, handover dated 24 Sep (!)     closed facilitated       yes, no duration
 * N    30 Jun 23:59 (Q2) and O 1 Oct 00:10 (Q4) lie outside the quarter.
 * </pre>
 */
public final class HandBuiltQuarter {

  public static final LocalDate FROM = LocalDate.of(2026, 7, 1);
  public static final LocalDate TO = LocalDate.of(2026, 9, 30);

  public static final List<Case> CASES = List.of(
      closed("A", "2026-07-01T00:30", Outcome.PARTLY_FACILITATED, "YES", "YES", 5, needs(Need.FOOD, Need.CASH),
          program("PKH", "DINSOS", REJECTED, null), program("SALMAN_SEMBAKO", "SALMAN", DISTRIBUTED, "2026-07-05")),
      open("B", "2026-07-15T09:00", null, null, null, needs(Need.HEALTH),
          program("BAZNAS_SEHAT", "BAZNAS", DISTRIBUTED, "2026-07-20")),
      open("C", "2026-07-20T10:00", "NO", null, 2, needs(Need.FOOD), program("BPNT", "DINSOS", DISTRIBUTED, "2026-07-25")),
      closed("D", "2026-08-03T10:00", Outcome.REJECTED, "NO", "NO", 1, needs(Need.FOOD),
          program("BPNT", "DINSOS", NOT_RECEIVED, "2026-08-05")),
      closed("E", "2026-08-10T10:00", Outcome.UNREACHABLE, null, null, null, needs(Need.CASH),
          program("BAZNAS_KONSUMTIF", "BAZNAS", DISTRIBUTED, "2026-08-12")),
      open("F", "2026-08-20T10:00", "PARTLY", "NO", 3, needs(Need.FOOD),
          program("BPNT", "DINSOS", PARTLY_DISTRIBUTED, "2026-08-22")),
      closed("G", "2026-09-01T10:00", Outcome.NOT_ELIGIBLE, null, null, null, needs(Need.EDUCATION),
          program("BAZNAS_CERDAS", "BAZNAS", NOT_SENT, null)),
      open("H", "2026-09-05T10:00", null, null, null, needs(Need.ORPHAN),
          program("SALMAN_YATIM", "SALMAN", NOT_SENT, null), program("PKH", "DINSOS", NOT_SENT, null)),
      open("I", "2026-09-10T10:00", null, null, null, needs(Need.FOOD), program("BPNT", "DINSOS", REFERRED, null)),
      closed("J", "2026-09-15T10:00", Outcome.NOT_ELIGIBLE, null, null, null, needs(Need.HOUSING)),
      closed("K", "2026-09-20T10:00", Outcome.WITHDRAWN, null, null, null, needs(Need.CIVIL_DOCUMENTS)),
      open("L", "2026-09-30T23:30", null, null, null, needs(Need.FOOD), program("BPNT", "DINSOS", DISTRIBUTED, "2026-10-05")),
      closed("M", "2026-09-25T10:00", Outcome.FACILITATED, "YES", "PARTLY", 4, needs(Need.HEALTH),
          program("BAZNAS_SEHAT", "BAZNAS", DISTRIBUTED, "2026-09-24")),
      open("N", "2026-06-30T23:59", null, null, null, needs(Need.FOOD), program("BPNT", "DINSOS", DISTRIBUTED, "2026-07-03")),
      open("O", "2026-10-01T00:10", null, null, null, needs(Need.FOOD), program("BPNT", "DINSOS", REFERRED, null)));

  /** The two complaints merged into the open cases A and C during the quarter (case, when in Bandung, needs). */
  public static final List<Object[]> MERGED_INTAKES = List.of(
      new Object[] {"A", "2026-08-01T10:00", needs(Need.HOUSING)},
      new Object[] {"C", "2026-08-15T10:00", needs(Need.FOOD)});

  public static final Map<String, String> PARTNERS = names("BAZNAS", "BAZNAS Kota Bandung", "DINSOS",
      "Dinas Sosial Kota Bandung", "SALMAN", "Rumah Amal Salman");
  public static final Map<String, String> PROGRAMS = names("PKH", "PKH", "BPNT", "BPNT / Sembako", "BAZNAS_SEHAT",
      "Bandung Sehat", "BAZNAS_KONSUMTIF", "Bantuan konsumtif fakir miskin", "BAZNAS_CERDAS", "Bandung Cerdas",
      "SALMAN_SEMBAKO", "Paket sembako", "SALMAN_YATIM", "Santunan anak yatim");

  private HandBuiltQuarter() {
  }

  public static FacilitationFigures.Figures figures() {
    return FacilitationFigures.compute(FROM, TO, CASES, PARTNERS, PROGRAMS);
  }

  /** A time in Bandung, stored in UTC as the database gives it back. */
  public static OffsetDateTime at(String bandungTime) {
    return LocalDateTime.parse(bandungTime).atZone(RujukanApplication.ZONE).toOffsetDateTime()
        .withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static Case closed(String number, String received, Outcome outcome, String aidReceived, String aidHelped,
      Integer satisfaction, Set<Need> needs, Program... programs) {
    return new Case(number, at(received), true, outcome, aidReceived, aidHelped, satisfaction, needs,
        List.of(programs));
  }

  private static Case open(String number, String received, String aidReceived, String aidHelped, Integer satisfaction,
      Set<Need> needs, Program... programs) {
    return new Case(number, at(received), false, null, aidReceived, aidHelped, satisfaction, needs, List.of(programs));
  }

  private static Program program(String code, String partner, ProgramStatus status, String firstAid) {
    return new Program(code, partner, status, firstAid == null ? null : LocalDate.parse(firstAid));
  }

  private static Set<Need> needs(Need... needs) {
    Set<Need> set = EnumSet.noneOf(Need.class);
    set.addAll(List.of(needs));
    return set;
  }

  private static Map<String, String> names(String... pairs) {
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      names.put(pairs[i], pairs[i + 1]);
    }
    return names;
  }
}
