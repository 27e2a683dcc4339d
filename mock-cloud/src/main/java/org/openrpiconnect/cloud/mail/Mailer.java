package org.openrpiconnect.cloud.mail;

/** Sends notification mails. A failure to send is logged by the implementation, never thrown to the caller. */
public interface Mailer {
    void send(Mail mail);
}
