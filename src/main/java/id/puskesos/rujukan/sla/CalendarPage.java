package id.puskesos.rujukan.sla;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The working calendar's page at {@code /calendar/} (static/calendar): it signs in and reads and changes the
 * calendar through {@code /api/calendar}, so it holds no data of its own and needs no session.
 */
@Configuration
public class CalendarPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/calendar", "/calendar/");
    registry.addViewController("/calendar/").setViewName("forward:/calendar/index.html");
  }
}
