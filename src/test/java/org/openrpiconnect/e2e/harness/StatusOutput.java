package org.openrpiconnect.e2e.harness;

import java.util.List;

/**
 * {@code rpi-connect status} as printed: four lines (seed 000), then, when something is wrong, a blank line and a
 * problem text; or the "not running" message.
 */
public record StatusOutput(ProcessResult result) {
    public static final String NOT_RUNNING = "Raspberry Pi Connect is not running, run rpi-connect on";
    public static final String SIGNED_IN_YES = "Signed in: yes";
    public static final String SIGNED_IN_NO = "Signed in: no";
    public static final String SUBSCRIBED_YES = "Subscribed to events: yes";
    public static final String SUBSCRIBED_NO = "Subscribed to events: no";
    public static final String SCREEN_SHARING_IDLE = "Screen sharing: allowed (0 sessions active)";
    public static final String REMOTE_SHELL_IDLE = "Remote shell: allowed (0 sessions active)";
    /** Exactly what a healthy, linked, idle device prints (seed 000). */
    public static final List<String> HEALTHY = List.of(SIGNED_IN_YES, SUBSCRIBED_YES, SCREEN_SHARING_IDLE,
            REMOTE_SHELL_IDLE);

    public boolean notRunning() {
        return result.output().contains(NOT_RUNNING);
    }

    /** The four status lines (fewer if the output is shorter). */
    public List<String> statusLines() {
        return result.stdout().lines().limit(4).toList();
    }

    public boolean signedIn() {
        return statusLines().contains(SIGNED_IN_YES);
    }

    public boolean signedOut() {
        return statusLines().contains(SIGNED_IN_NO);
    }

    public boolean subscribed() {
        return statusLines().contains(SUBSCRIBED_YES);
    }

    public boolean unsubscribed() {
        return statusLines().contains(SUBSCRIBED_NO);
    }

    public boolean healthy() {
        return statusLines().equals(HEALTHY);
    }

    /** The text after the four lines and a blank line; empty when there is none. */
    public String problem() {
        List<String> lines = result.stdout().lines().toList();
        if (lines.size() < 6 || !lines.get(4).isBlank()) return "";
        return String.join("\n", lines.subList(5, lines.size())).trim();
    }

    @Override
    public String toString() {
        return result.toString();
    }
}
