package org.openrpiconnect.cloud.model;

/** A notification mail kept in the outbox table (the default mailer). */
public record OutboxMail(String id, String recipient, String subject, String body, long createdAt) {}
