package id.puskesos.rujukan.board;

import java.time.Clock;
import java.time.YearMonth;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.common.Groups;

/** The board's figures as JSON (the page at {@code /board/} draws them; other tools read them too). */
@RestController
public class BoardController {

  private final BoardSnapshots boards;
  private final Roles roles;
  private final Clock clock;

  BoardController(BoardSnapshots boards, Roles roles, Clock clock) {
    this.boards = boards;
    this.roles = roles;
    this.clock = clock;
  }

  /**
   * Figures for cases received from {@code from} to {@code to} (YYYY-MM); by default the last six months. A board
   * slow to draw comes as drawn a few minutes ago ({@link BoardSnapshots}); {@code at} says when.
   */
  @GetMapping("/api/board")
  public BoardFigures.Board board(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    roles.require("manajer dan koordinator", Groups.MANAJER, Groups.KOORDINATOR);
    YearMonth now = YearMonth.now(clock);
    return boards.board(from == null ? now.minusMonths(5).toString() : from, to == null ? now.toString() : to);
  }
}
