package org.openrpiconnect.cloud.model;

/** A Management API access token ({@code rporg_}); it acts as an administrator of its organisation. */
public record ApiToken(String id, String organisationId, String description, long createdAt, Long lastUsedAt,
                       boolean revoked) {}
