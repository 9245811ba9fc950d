package id.puskesos.rujukan.board;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The boards kept as drawn ({@link BoardSnapshots}): each Puskesos's board per tenant id, and the city's view, with
 * the same limits ({@code rujukan.board.live-below}, {@code rujukan.board.refresh-interval}).
 */
@Configuration
class BoardDrawings {

  /** The scope under which the city's view is kept (tenant ids are ten digits, so it never meets one). */
  static final String CITY = "kota";

  @Bean
  BoardSnapshots<BoardFigures.Board> puskesosBoards(BoardFigures figures, Clock clock,
      @Value("${rujukan.board.live-below:PT0.3S}") Duration liveBelow,
      @Value("${rujukan.board.refresh-interval:PT5M}") Duration refreshInterval) {
    return new BoardSnapshots<>(figures::board, clock, liveBelow, refreshInterval);
  }

  @Bean
  BoardSnapshots<CityFigures.City> cityBoards(CityFigures figures, Clock clock,
      @Value("${rujukan.board.live-below:PT0.3S}") Duration liveBelow,
      @Value("${rujukan.board.refresh-interval:PT5M}") Duration refreshInterval) {
    return new BoardSnapshots<>((scope, from, to) -> figures.city(from, to), clock, liveBelow, refreshInterval);
  }
}
