package org.openrpiconnect.cli.format;

import org.openrpiconnect.protocol.local.StatusResult;
import org.openrpiconnect.protocol.local.StatusResult.ServiceStatus;

/** {@code rpi-connect status}: the four lines of the user documentation, then what is pending or wrong. */
public final class StatusText {
    private StatusText() {}

    public static String format(StatusResult status) {
        StringBuilder out = new StringBuilder();
        out.append("Signed in: ").append(yesNo(status.signedIn())).append('\n');
        out.append("Subscribed to events: ").append(yesNo(status.subscribed())).append('\n');
        out.append("Screen sharing: ").append(service(status.screenSharing())).append('\n');
        out.append("Remote shell: ").append(service(status.remoteShell())).append('\n');
        if (status.signinPendingUrl() != null) {
            out.append("Sign in pending: complete it by visiting ").append(status.signinPendingUrl()).append('\n');
        }
        if (status.problem() != null && !status.problem().isBlank()) {
            out.append('\n').append(status.problem().strip()).append('\n');
        }
        return out.toString();
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    /** "allowed (0 sessions active)"; a daemon that left the service out is shown as disallowed with no sessions. */
    private static String service(ServiceStatus service) {
        boolean allowed = service != null && service.allowed();
        int sessions = service == null ? 0 : service.sessionsActive();
        return (allowed ? "allowed" : "disallowed") + " (" + sessions + " sessions active)";
    }
}
