package org.openrpiconnect.cloud.model;

/** A remote-update artefact: a name unique in its organisation, where devices download it, and its SHA-256 (hex). */
public record Artefact(String id, String organisationId, String name, String uri, String checksum, long createdAt) {}
