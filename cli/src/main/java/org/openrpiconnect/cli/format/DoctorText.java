package org.openrpiconnect.cli.format;

import org.openrpiconnect.protocol.local.DoctorResult;
import org.openrpiconnect.protocol.local.DoctorResult.Check;

/** {@code rpi-connect doctor}: "✓ name" or "✗ name - hint" per check, and "✗ Some checks failed" when one did. */
public final class DoctorText {
    public static final String PASSED = "✓";
    public static final String FAILED = "✗";
    public static final String SOME_FAILED = FAILED + " Some checks failed";

    private DoctorText() {}

    public static String format(DoctorResult result) {
        StringBuilder out = new StringBuilder();
        boolean anyFailed = false;
        for (Check check : result.checks()) {
            if (check.ok()) {
                out.append(PASSED).append(' ').append(check.name()).append('\n');
            } else {
                anyFailed = true;
                out.append(FAILED).append(' ').append(check.name());
                if (check.hint() != null && !check.hint().isBlank()) out.append(" - ").append(check.hint().strip());
                out.append('\n');
            }
        }
        if (anyFailed) out.append(SOME_FAILED).append('\n');
        return out.toString();
    }
}
