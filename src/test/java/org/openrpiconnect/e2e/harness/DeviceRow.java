package org.openrpiconnect.e2e.harness;

import java.util.ArrayList;
import java.util.List;

/** One row of {@code rpi-connect-cloud device list}: tab-separated ID NAME SERIAL OWNER SIGNED_IN. */
public record DeviceRow(String id, String name, String serial, String owner, String signedIn) {

    /** Parses the whole output: a header line, then one row per device. */
    public static List<DeviceRow> parseList(String stdout) {
        List<DeviceRow> rows = new ArrayList<>();
        String[] lines = stdout.split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            String[] f = lines[i].split("\t", -1);
            if (f.length != 5) {
                throw new AssertionError("device list row " + i + " has " + f.length
                        + " tab-separated fields, expected 5 (ID NAME SERIAL OWNER SIGNED_IN): " + lines[i]);
            }
            rows.add(new DeviceRow(f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim(), f[4].trim()));
        }
        return rows;
    }
}
