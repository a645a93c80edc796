package org.socius.inbox.internal.digest;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a digest over SMTP as plain text and HTML. Mail is off unless {@code spring.mail.host}
 * is set (Spring Boot then provides the sender).
 */
@Component
class DigestMailer {

  private final ObjectProvider<JavaMailSender> sender;
  private final TemplateEngine templates;
  private final String from;

  DigestMailer(ObjectProvider<JavaMailSender> sender, TemplateEngine templates,
      @Value("${socius.mail.from:Socius <socius@localhost>}") String from) {
    this.sender = sender;
    this.templates = templates;
    this.from = from;
  }

  boolean configured() {
    return sender.getIfAvailable() != null;
  }

  /** @throws MailException when the server refuses or cannot be reached */
  void send(Digest digest) {
    JavaMailSender mail = sender.getObject();
    StringOutput html = new StringOutput();
    templates.render("notifications/digest.jte", Map.of("digest", digest), html);
    MimeMessage message = mail.createMimeMessage();
    try {
      MimeMessageHelper m = new MimeMessageHelper(message, true, "UTF-8");
      m.setFrom(from);
      m.setTo(digest.to());
      m.setSubject(digest.subject());
      m.setText(digest.text(), html.toString());
      message.setHeader("List-Unsubscribe", "<" + digest.settingsUrl() + ">");
      message.setHeader("Auto-Submitted", "auto-generated");
    } catch (MessagingException e) {
      throw new org.springframework.mail.MailPreparationException(e);
    }
    mail.send(message);
  }
}
