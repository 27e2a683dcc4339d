package org.openrpiconnect.cloud.mail;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmtpMailerTest {

    /** Speaks just enough SMTP to accept one mail and hand back the whole conversation. */
    private static CompletableFuture<String> fakeSmtpServer(ServerSocket server) {
        return CompletableFuture.supplyAsync(() -> {
            StringBuilder seen = new StringBuilder();
            try (Socket s = server.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                         StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8)) {
                out.print("220 fake ESMTP\r\n");
                out.flush();
                boolean data = false;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    seen.append(line).append('\n');
                    if (data) {
                        if (line.equals(".")) {
                            data = false;
                            out.print("250 queued\r\n");
                            out.flush();
                        }
                        continue;
                    }
                    String cmd = line.toUpperCase();
                    if (cmd.startsWith("EHLO") || cmd.startsWith("HELO")) out.print("250 fake\r\n");
                    else if (cmd.startsWith("DATA")) {
                        data = true;
                        out.print("354 go ahead\r\n");
                    } else if (cmd.startsWith("QUIT")) {
                        out.print("221 bye\r\n");
                        out.flush();
                        break;
                    } else out.print("250 ok\r\n");
                    out.flush();
                }
            } catch (Exception e) {
                seen.append("ERROR ").append(e);
            }
            return seen.toString();
        });
    }

    @Test
    void mail_is_delivered_to_the_smtp_server_with_sender_recipient_and_subject() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> conversation = fakeSmtpServer(server);
            SmtpMailer mailer = new SmtpMailer("127.0.0.1", server.getLocalPort(), "connect@example.org");
            assertTrue(mailer.deliver(new Mail("owner@example.org", "New device linked: pi", "hello")));
            String seen = conversation.get(10, TimeUnit.SECONDS);
            assertTrue(seen.contains("MAIL FROM:<connect@example.org>"), seen);
            assertTrue(seen.contains("RCPT TO:<owner@example.org>"), seen);
            assertTrue(seen.contains("Subject: New device linked: pi"), seen);
            mailer.close();
        }
    }

    @Test
    void an_unreachable_server_is_reported_as_not_delivered_without_throwing() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SmtpMailer mailer = new SmtpMailer("127.0.0.1", port, "connect@example.org");
        assertFalse(mailer.deliver(new Mail("owner@example.org", "s", "b")));
        mailer.close();
    }
}
