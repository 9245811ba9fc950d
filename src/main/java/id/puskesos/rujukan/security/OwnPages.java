package id.puskesos.rujukan.security;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The application's own pages beside Camunda's webapps (static/board, static/calendar, static/partners,
 * static/verifikasi, static/simulasi): each answers at its folder ({@code /calendar} redirects to {@code /calendar/}, which serves its
 * {@code index.html}). They sign in and work through {@code /api} (the letter check without signing in), so they hold
 * no data of their own and need no session; {@link SecurityHeaders} lets them run their own scripts only. The address alone ({@code /}) leads to Tasklist.
 */
@Configuration
public class OwnPages implements WebMvcConfigurer {

  /**
   * The manager's board, the working calendar, the partners' onboarding, the case page and search, the what-if
   * simulations, and the public check of a letter's verification code (the one page that needs no login: {@link PublicLetterCheck}).
   */
  static final List<String> PATHS = List.of("/board", "/calendar", "/partners", "/kasus", "/verifikasi",
      "/simulasi");

  /** Where the address alone leads: the staff's desk, Tasklist (Camunda's own redirect leads to its Welcome page). */
  static final String HOME = "/camunda/app/tasklist/";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/", HOME);
    for (String page : PATHS) {
      registry.addRedirectViewController(page, page + "/");
      registry.addViewController(page + "/").setViewName("forward:" + page + "/index.html");
    }
  }
}
