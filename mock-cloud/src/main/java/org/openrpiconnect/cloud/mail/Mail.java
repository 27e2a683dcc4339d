package org.openrpiconnect.cloud.mail;

/** A plain-text notification mail. Never put a secret in one. */
public record Mail(String to, String subject, String body) {}
