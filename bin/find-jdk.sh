# Finds a JDK 21 or newer and exports JAVA_HOME and JAVA for the caller (sourced by ./solo and ./test).
# Order: $JAVA_HOME, the java on PATH, then every JDK under /usr/lib/jvm (newest first).

solo_java_major() {
    # Prints the major version of the java binary given, or nothing if it does not run.
    "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

solo_find_jdk() {
    local candidates=() c major
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
    command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
    local jvm_dir="${SOLO_JVM_DIR:-/usr/lib/jvm}"   # overridable for the launcher's own tests
    if [ -d "$jvm_dir" ]; then
        while IFS= read -r c; do candidates+=("$c"); done < <(ls -d "$jvm_dir"/*/bin/java 2>/dev/null | sort -rV)
    fi
    for c in "${candidates[@]}"; do
        [ -x "$c" ] || continue
        # javac must sit next to java: the launcher builds the application on first use.
        [ -x "$(dirname "$c")/javac" ] || continue
        major=$(solo_java_major "$c")
        if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
            JAVA="$c"
            JAVA_MAJOR="$major"
            JAVA_HOME="$(cd "$(dirname "$c")/.." && pwd -P)"
            export JAVA JAVA_HOME JAVA_MAJOR
            # Maven's own libraries use sun.misc.Unsafe, which JDK 24+ warns about on every build.
            if [ "$major" -ge 24 ]; then
                export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
            fi
            return 0
        fi
    done
    echo "solo: needs a JDK 21 or newer (found none in JAVA_HOME, PATH or /usr/lib/jvm); install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+ from adoptium.net, or set JAVA_HOME" >&2
    return 1
}
