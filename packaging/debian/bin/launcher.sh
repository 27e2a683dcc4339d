# Shared by /usr/bin/rpi-connect, /usr/bin/rpi-connectd and /usr/lib/rpi-connect/update-cds-archive (sourced, not
# run): the classpaths, the default JVM settings, the administrator's overrides and which java runs them.

# Filled in when the package is built (the jars in /usr/share/rpi-connect/lib, natives under /usr/lib/rpi-connect).
RPI_CONNECT_CLI_CLASSPATH="@CLI_CLASSPATH@"
RPI_CONNECTD_CLASSPATH="@DAEMON_CLASSPATH@"
RPI_CONNECT_NATIVE_DIR=/usr/lib/rpi-connect
RPI_CONNECT_CDS_ARCHIVE=/var/cache/rpi-connect/rpi-connect.jsa
RPI_CONNECTD_CDS_ARCHIVE=/var/cache/rpi-connect/rpi-connectd.jsa

# Defaults for a small device; /etc/default/rpi-connect may override each (see the comments there).
# The CLI makes one or two local calls and exits: C1 only, serial GC, small stacks, no perf data file in /tmp.
RPI_CONNECT_CLI_JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:-UsePerfData"
# The daemon idles most of the time: a capped heap that gives memory back (a small minimum, so that it can shrink
# again once the sessions' garbage is collected: -2 MB after sessions, measured), a 1 MB young generation (its pages
# stay resident once used: -1.3 MB idle, measured), a small code cache, C1 only.
RPI_CONNECTD_JAVA_OPTS="-Xms2m -Xmx64m -Xmn1m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m -Xss512k -XX:-UsePerfData"
# Daemon options that not every Java 17 runtime has: -XX:TrimNativeHeapInterval (17.0.9 and later) hands memory the
# JVM freed back to the system every 5 s (an idle daemon 0.8 MB smaller, measured). update-cds-archive checks that
# the archive's java accepts them and records them beside the archive; the launcher adds them only then, so an older
# runtime still starts the daemon.
RPI_CONNECTD_OPTIONAL_JAVA_OPTS="-XX:TrimNativeHeapInterval=5000"
RPI_CONNECT_JAVA_HOME=""

if [ -r /etc/default/rpi-connect ]; then
    . /etc/default/rpi-connect
fi

# JVM messages (for example about a class-data sharing archive) go to stderr: stdout is the commands' output.
RPI_CONNECT_JVM_LOG="-Xlog:disable -Xlog:all=warning:stderr"

if [ -n "$RPI_CONNECT_JAVA_HOME" ]; then
    RPI_CONNECT_JAVA="$RPI_CONNECT_JAVA_HOME/bin/java"
else
    RPI_CONNECT_JAVA=/usr/bin/java
fi
if [ ! -x "$RPI_CONNECT_JAVA" ]; then
    echo "Raspberry Pi Connect needs Java 17 or later: $RPI_CONNECT_JAVA was not found. Install openjdk-17-jre-headless, or set RPI_CONNECT_JAVA_HOME in /etc/default/rpi-connect." >&2
    exit 1
fi

# Sets $cds to the option that maps the class-data sharing archive $1 (made by update-cds-archive for one java
# binary), or to nothing: another JVM would reject the archive with a warning on every run; and $checked_opts to the
# optional options that java was checked to accept (the second line of $1.java), or to nothing. A function that sets
# variables, not $(...): no extra process on every run.
use_cds_archive() {
    cds=""
    checked_opts=""
    if [ -r "$1" ] && [ -r "$1.java" ]; then
        archive_java=""
        archive_opts=""
        { read -r archive_java; read -r archive_opts; } < "$1.java" || true
        # -ef (same file, through symlinks) rather than comparing readlink -f: no extra process either.
        if [ -n "$archive_java" ] && [ "$RPI_CONNECT_JAVA" -ef "$archive_java" ]; then
            cds="-XX:SharedArchiveFile=$1"
            checked_opts=$archive_opts
        fi
    fi
}
