package org.openrpiconnect.daemon.state;

/**
 * Kept in {@code identity-signin-paused.json} while the device stays signed out on purpose (the user signed out, or
 * the device was removed in the cloud): the device identity then does not sign in by itself at the next start.
 * {@code rpi-connect signin} (any successful link) ends the pause.
 *
 * @param reason what ended the last link (a {@code SignOutReason} name)
 * @param since  ISO-8601 instant
 */
public record IdentityPause(String reason, String since) {}
