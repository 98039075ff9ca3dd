package org.invisiblebars.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One in-process SMTP server (GreenMail) per test JVM, started on first use on a free port and
 * stopped when the JVM ends: the integration tests' application sends its e-mail there ({@link
 * IntegrationTest} points {@code spring.mail.host} and {@code spring.mail.port} at it), and tests
 * read what it received.
 */
public final class GreenMailServer {

  private static final String HOST = "127.0.0.1";

  private static GreenMail server;

  private GreenMailServer() {}

  public static synchronized GreenMail server() {
    if (server == null) {
      ServerSetup smtp = new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTP);
      server =
          new GreenMail(smtp)
              .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "greenmail-stop"));
    }
    return server;
  }

  public static String host() {
    server();
    return HOST;
  }

  public static int port() {
    return server().getSmtp().getPort();
  }

  /** A received message as a test reads it: recipient, subject and text. */
  public record Received(String to, String subject, String text) {}

  /**
   * The messages received for {@code address} that {@code which} accepts, once there is at least
   * one: a sender on another thread (the application's own, every few seconds) may have claimed a
   * message first and be delivering it.
   */
  public static List<Received> awaitTo(String address, Predicate<Received> which) {
    List<List<Received>> found = new ArrayList<>();
    Eventually.within(Duration.ofSeconds(30), "a message to " + address)
        .until(
            () -> {
              found.clear();
              found.add(to(address).stream().filter(which).toList());
              return !found.get(0).isEmpty();
            });
    return found.get(0);
  }

  /** Every message received so far for {@code address}. */
  public static List<Received> to(String address) {
    List<Received> found = new ArrayList<>();
    try {
      for (MimeMessage message : server().getReceivedMessages()) {
        for (Address recipient : message.getAllRecipients()) {
          if (recipient.toString().equalsIgnoreCase(address)) {
            found.add(
                new Received(
                    recipient.toString(), message.getSubject(), message.getContent().toString()));
          }
        }
      }
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }
}
