package id.puskesos.rujukan.distribution;

import java.time.Clock;
import java.time.YearMonth;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.common.Groups;

/** The facilitation figures for the manager's board and other tools, as JSON. */
@RestController
public class FiguresController {

  private final FacilitationFigures figures;
  private final Roles roles;
  private final Clock clock;

  public FiguresController(FacilitationFigures figures, Roles roles, Clock clock) {
    this.figures = figures;
    this.roles = roles;
    this.clock = clock;
  }

  /** Cases received from {@code from} to {@code to} (months, YYYY-MM); by default the last twelve months. */
  @GetMapping("/api/figures/facilitation")
  public FacilitationFigures.Figures facilitation(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    roles.require("manajer dan koordinator", Groups.MANAJER, Groups.KOORDINATOR);
    YearMonth now = YearMonth.now(clock);
    return figures.figures(from == null ? now.minusMonths(11).toString() : from, to == null ? now.toString() : to);
  }
}
