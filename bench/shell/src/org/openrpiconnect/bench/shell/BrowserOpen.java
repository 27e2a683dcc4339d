package org.openrpiconnect.bench.shell;

import java.nio.file.Path;

final class BrowserOpen {
    private BrowserOpen() {}

    static void run(Path repo, Path work, String user, Report report) {
        throw new UnsupportedOperationException("todo");
    }
}
