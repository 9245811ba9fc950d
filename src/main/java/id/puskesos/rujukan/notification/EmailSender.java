package id.puskesos.rujukan.notification;

import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Documents;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mail over SMTP ({@code spring.mail.*}). The outbox id is the Message-ID, so a message resent after a crash is
 * the same message to the receiving mail system.
 */
@Component
public class EmailSender implements NotificationSender {

  private final ObjectProvider<JavaMailSender> mail;
  private final Documents documents;
  private final String from;

  public EmailSender(ObjectProvider<JavaMailSender> mail, Documents documents,
      @Value("${rujukan.notifications.from:puskesos@lebaksiliwangi.example}") String from) {
    this.mail = mail;
    this.documents = documents;
    this.from = from;
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public boolean configured() {
    return mail.getIfAvailable() != null;
  }

  @Override
  public void send(OutboxMessage message) throws Exception {
    JavaMailSender sender = mail.getObject();
    MimeMessage mime = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mime, message.documentId() != null,
        StandardCharsets.UTF_8.name());
    helper.setFrom(from);
    helper.setTo(message.recipient());
    helper.setSubject(message.subject());
    helper.setText(message.body());
    if (message.documentId() != null) {
      Documents.Document document = documents.get(message.documentId());
      helper.addAttachment(document.fileName(), new ByteArrayResource(document.content()),
          document.fileName().endsWith(".pdf") ? "application/pdf" : "application/octet-stream");
    }
    mime.saveChanges();
    mime.setHeader("Message-ID", "<" + message.idempotencyKey() + "@rujukan>");
    sender.send(mime);
  }
}
