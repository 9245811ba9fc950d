package id.puskesos.rujukan.notification;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the {@link FakeWhatsAppGateway} where {@code rujukan.notifications.fake-gateway.enabled} is true: the demo
 * profile, whose WhatsApp sender posts to it (application-demo.yaml). Never in production: it delivers nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rujukan.notifications.fake-gateway.enabled", havingValue = "true")
public class FakeWhatsAppGatewayConfiguration {

  @Bean(destroyMethod = "stop")
  public FakeWhatsAppGateway fakeWhatsAppGateway(
      @Value("${rujukan.notifications.fake-gateway.port:18088}") int port,
      @Value("${rujukan.notifications.fake-gateway.inbound-url:}") String inboundUrl,
      @Value("${rujukan.notifications.whatsapp.inbound-token:}") String inboundToken) throws IOException {
    return new FakeWhatsAppGateway(port, inboundUrl, inboundToken).start();
  }
}
