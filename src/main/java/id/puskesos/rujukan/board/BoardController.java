package id.puskesos.rujukan.board;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.common.ForbiddenException;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.tenant.Puskesos;
import id.puskesos.rujukan.tenant.PuskesosDirectory;

/**
 * The boards' figures as JSON (the pages at {@code /board/} draw them; other tools read them too): one Puskesos's
 * board for its manajer and koordinator (and the city SLRT, naming the Puskesos), and the city's view with every
 * Puskesos side by side for the city SLRT and administrators.
 */
@RestController
public class BoardController {

  /** The request parameter that names the Puskesos (its kelurahan code). */
  static final String PUSKESOS = PuskesosDirectory.FIELD;

  private final BoardSnapshots<BoardFigures.Board> boards;
  private final BoardSnapshots<CityFigures.City> city;
  private final Roles roles;
  private final CaseAccess caseAccess;
  private final PuskesosDirectory directory;
  private final Clock clock;

  BoardController(BoardSnapshots<BoardFigures.Board> boards, BoardSnapshots<CityFigures.City> city, Roles roles,
      CaseAccess caseAccess, PuskesosDirectory directory, Clock clock) {
    this.boards = boards;
    this.city = city;
    this.roles = roles;
    this.caseAccess = caseAccess;
    this.directory = directory;
    this.clock = clock;
  }

  /**
   * One Puskesos's figures for cases received from {@code from} to {@code to} (YYYY-MM); by default the last six
   * months. The caller's Puskesos when they work for one; a caller of several (the city SLRT) names it with
   * {@code puskesos} (400 without); a Puskesos the caller does not work for is refused (403), named or not existing.
   * A board slow to draw comes as drawn a few minutes ago ({@link BoardSnapshots}); {@code at} says when.
   */
  @GetMapping("/api/board")
  public BoardFigures.Board board(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(name = PUSKESOS, required = false) String puskesos) {
    roles.require("manajer dan koordinator Puskesos serta SLRT kota", Groups.MANAJER, Groups.KOORDINATOR,
        Groups.SLRT);
    String tenant = chosen(puskesos);
    YearMonth now = YearMonth.now(clock);
    return boards.board(tenant, from == null ? now.minusMonths(5).toString() : from,
        to == null ? now.toString() : to);
  }

  /**
   * Every Puskesos side by side for the same period (by default the last six months), with the best per figure: for
   * the city SLRT and administrators only.
   */
  @GetMapping("/api/board/city")
  public CityFigures.City city(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    roles.require("SLRT kota dan administrator", Groups.SLRT);
    YearMonth now = YearMonth.now(clock);
    return city.board(BoardDrawings.CITY, from == null ? now.minusMonths(5).toString() : from,
        to == null ? now.toString() : to);
  }

  /** The Puskesos whose board is asked for: the one named, if the caller works for it; else the caller's only one. */
  private String chosen(String requested) {
    Optional<Set<String>> mine = caseAccess.tenants();
    if (requested != null && !requested.isBlank()) {
      String code = requested.trim();
      if (!mine.map(tenants -> tenants.contains(code)).orElse(true)) {
        throw new ForbiddenException("Anda tidak bekerja untuk Puskesos dengan kode kelurahan " + code);
      }
      if (directory.find(code).isEmpty()) {
        throw new InvalidInputException(PUSKESOS, "Puskesos dengan kode kelurahan " + code + " tidak terdaftar");
      }
      return code;
    }
    Set<String> candidates = mine.orElseGet(() -> Set.copyOf(directory.all().stream().map(Puskesos::tenantId)
        .toList()));
    if (candidates.size() == 1) {
      return candidates.iterator().next();
    }
    throw new InvalidInputException(PUSKESOS, candidates.isEmpty() ? "Akun ini bukan petugas Puskesos mana pun"
        : "Pilih Puskesos yang papannya ingin dilihat (parameter puskesos=kode kelurahan), atau buka papan kota");
  }
}
