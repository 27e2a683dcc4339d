package org.openrpiconnect.cloud;

import org.openrpiconnect.cloud.command.CloudCommand;

/** {@code rpi-connect-cloud}: see {@link CloudCommand}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = CloudCommand.commandLine().execute(args);
        if (code != 0 || !isServe(args)) System.exit(code);
    }

    /** serve keeps running on Jetty's threads until stopped; the others exit when done. */
    private static boolean isServe(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) return a.equals("serve");
        }
        return false;
    }
}
