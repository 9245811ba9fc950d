package id.puskesos.rujukan.onboarding;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The partners' page at {@code /partners/} (static/partners): it signs in and works through {@code /api/partners},
 * so it holds no data of its own and needs no session.
 */
@Configuration
public class PartnersPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/partners", "/partners/");
    registry.addViewController("/partners/").setViewName("forward:/partners/index.html");
  }
}
