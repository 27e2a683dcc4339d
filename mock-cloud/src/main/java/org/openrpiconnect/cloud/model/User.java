package org.openrpiconnect.cloud.model;

/** An account (the stand-in for a Raspberry Pi ID). */
public record User(String id, String email, String passwordHash, long createdAt) {}
