package org.openrpiconnect.cloud.model;

/** Something just created together with its secret, which is shown this once and never stored in clear. */
public record Issued<T>(T item, String secret) {}
