# Shared helpers for the bin/ commands: find a JDK 21+, the unprivileged user OpenSearch needs
# when we run as root, and the Maven arguments that make a root build readable by that user.
# shellcheck shell=bash

PODCAST_USER="${PODCAST_USER:-podcast}"
PODCAST_PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

podcast_log() { printf '[podcast] %s\n' "$*" >&2; }
podcast_die() { printf '[podcast] ERROR: %s\n' "$*" >&2; exit 1; }

# Major version of a java binary (17, 21, 25, ...), or 0 when it does not run.
podcast_java_major() {
  local version
  version=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1)
  echo "${version%%.*}" | grep -E '^[0-9]+$' || echo 0
}

# Exports JAVA_HOME pointing at a JDK 21 or newer: $JAVA_HOME if it is one, else the newest under /usr/lib/jvm.
podcast_find_java() {
  local candidate best="" best_major=0 major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(podcast_java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    export JAVA_HOME
    return 0
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")"; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(podcast_java_major "$candidate/bin/java")
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major=$major; fi
  done
  [ -n "$best" ] || podcast_die "no JDK 21 or newer found (JAVA_HOME, /usr/lib/jvm). OpenSearch 3.5 needs Java 21+: install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME."
  export JAVA_HOME="$best"
  podcast_log "using JDK $best_major at $JAVA_HOME"
}

podcast_is_root() { [ "$(id -u)" -eq 0 ]; }

# As root: creates the unprivileged user that runs OpenSearch nodes and test JVMs (OpenSearch refuses root).
podcast_ensure_user() {
  podcast_is_root || return 0
  id -u "$PODCAST_USER" >/dev/null 2>&1 && return 0
  podcast_log "creating the unprivileged user '$PODCAST_USER' (OpenSearch refuses to run as root)"
  useradd --system --create-home --home-dir "/var/lib/$PODCAST_USER" --shell /usr/sbin/nologin "$PODCAST_USER" \
    || podcast_die "could not create user '$PODCAST_USER'"
}

# Runs a command as the unprivileged user when we are root, else as ourselves.
podcast_as_user() {
  if podcast_is_root; then runuser -u "$PODCAST_USER" -- "$@"; else "$@"; fi
}

podcast_require() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || podcast_die "'$tool' is needed and not installed (apt-get install $tool)"
  done
}

# Maven arguments. As root the local repository must be readable by the test user (/root is 0700).
podcast_maven_args() {
  local args=(-B -ntp)
  if podcast_is_root; then
    local repo="${PODCAST_M2_REPO:-/var/cache/podcast-personalize/m2}"
    mkdir -p "$repo" && chmod 755 "$(dirname "$repo")" "$repo"
    args+=("-Dmaven.repo.local=$repo")
  fi
  args+=("-Dtest.user=$PODCAST_USER")
  printf '%s\n' "${args[@]}"
}

# Runs Maven in the project. The first goal, initialize, installs the jars that exist only inside the
# k-NN and distribution zips into the local repository: Maven resolves a build's dependencies before
# its first plugin runs, so that must be a run of its own.
podcast_maven() {
  local dir="$1"; shift
  local -a args
  mapfile -t args < <(podcast_maven_args)
  (cd "$dir" && mvn "${args[@]}" -q initialize) || podcast_die "Maven could not prepare the build (see above)"
  (cd "$dir" && mvn "${args[@]}" "$@")
}

# As root, the unprivileged user must be able to read the build (test classes, jars). When the project
# sits in a folder it cannot enter (under /root, say), the build runs from a copy it can read.
podcast_build_dir() {
  if ! podcast_is_root || runuser -u "$PODCAST_USER" -- test -r "$PODCAST_PROJECT_DIR/pom.xml"; then
    echo "$PODCAST_PROJECT_DIR"
    return 0
  fi
  local copy="/var/tmp/podcast-personalize/build-$(echo "$PODCAST_PROJECT_DIR" | sha1sum | cut -c1-10)"
  podcast_log "user '$PODCAST_USER' cannot read $PODCAST_PROJECT_DIR; building from a copy in $copy"
  mkdir -p "$copy" && chmod 755 /var/tmp/podcast-personalize "$copy"
  (cd "$PODCAST_PROJECT_DIR" && tar --exclude=./target --exclude=./.git -cf - .) | (cd "$copy" && tar -xf -)
  echo "$copy"
}
