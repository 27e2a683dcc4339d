package org.openrpiconnect.protocol.local;

/**
 * What {@code rpi-connect status} prints.
 *
 * @param signedIn        "Signed in: yes|no"
 * @param subscribed      "Subscribed to events: yes|no" (the event WebSocket to the cloud is open)
 * @param screenSharing   "Screen sharing: allowed|disallowed (N sessions active)"
 * @param remoteShell     "Remote shell: allowed|disallowed (N sessions active)"
 * @param deviceName      the device's name in the cloud, when signed in
 * @param cloudUrl        the cloud this daemon talks to
 * @param signinPendingUrl the verification URL of a device-code sign-in in progress, else null
 * @param problem         null, or what is wrong and how to recover (garbled state file, rejected auth key, serial
 *                        mismatch, device removed in the cloud...): printed after the four lines
 */
public record StatusResult(boolean signedIn, boolean subscribed, ServiceStatus screenSharing,
                           ServiceStatus remoteShell, String deviceName, String cloudUrl,
                           String signinPendingUrl, String problem) {

    public record ServiceStatus(boolean allowed, int sessionsActive) {}
}
