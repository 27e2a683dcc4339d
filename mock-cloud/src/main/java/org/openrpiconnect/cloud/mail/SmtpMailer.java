package org.openrpiconnect.cloud.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends mails through an SMTP server (no authentication, no TLS: a local relay such as the host's MTA). Mails go out
 * on one background thread so that a slow server never holds up a device sign-in.
 */
public final class SmtpMailer implements Mailer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);
    private static final String TIMEOUT_MS = "10000";

    private final Session session;
    private final InternetAddress from;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "smtp-mailer");
        t.setDaemon(true);
        return t;
    });

    public SmtpMailer(String host, int port, String fromAddress) {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
        props.put("mail.smtp.timeout", TIMEOUT_MS);
        props.put("mail.smtp.writetimeout", TIMEOUT_MS);
        this.session = Session.getInstance(props);
        try {
            this.from = new InternetAddress(fromAddress, true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("--mail-from '" + fromAddress + "' is not a valid address: give one"
                    + " like connect@example.org");
        }
    }

    @Override
    public void send(Mail mail) {
        sender.execute(() -> deliver(mail));
    }

    /** Sends now, on the caller's thread; false when the server refused or could not be reached. */
    boolean deliver(Mail mail) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), "UTF-8");
            message.setText(mail.body(), "UTF-8");
            Transport.send(message);
            LOG.info("mail to {}: {}", mail.to(), mail.subject());
            return true;
        } catch (MessagingException e) {
            LOG.warn("could not send the mail to {} ({}): {}", mail.to(), mail.subject(), e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        sender.shutdown();
    }
}
