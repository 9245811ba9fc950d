package id.puskesos.rujukan.notification;

import java.io.IOException;
import java.net.BindException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Starts the {@link FakeWhatsAppGateway} where {@code rujukan.notifications.fake-gateway.enabled} is true: the demo
 * profile, whose WhatsApp sender posts to it (application-demo.yaml). Never in production: it delivers nothing. Where
 * its port is taken already (a second node of a demo cluster on the same machine, whose first node runs it), the node
 * starts without one and its messages go to the running one.
 */
@Component
@ConditionalOnProperty(name = "rujukan.notifications.fake-gateway.enabled", havingValue = "true")
public class FakeWhatsAppGatewayConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(FakeWhatsAppGatewayConfiguration.class);

  /** Null where another process holds the port. */
  private final FakeWhatsAppGateway gateway;

  public FakeWhatsAppGatewayConfiguration(@Value("${rujukan.notifications.fake-gateway.port:18088}") int port,
      @Value("${rujukan.notifications.fake-gateway.inbound-url:}") String inboundUrl,
      @Value("${rujukan.notifications.whatsapp.inbound-token:}") String inboundToken) throws IOException {
    FakeWhatsAppGateway started = null;
    try {
      started = new FakeWhatsAppGateway(port, inboundUrl, inboundToken).start();
    } catch (BindException taken) {
      LOG.warn("Fake WhatsApp gateway: port {} is taken (another node of this demo runs it); this node sends there",
          port);
    }
    this.gateway = started;
  }

  @PreDestroy
  public void stop() {
    if (gateway != null) {
      gateway.stop();
    }
  }
}
