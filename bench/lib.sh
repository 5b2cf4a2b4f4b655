# Shared by bench/run and bench/compare (sourced, not run).

ADMIN_EMAIL=bench-admin@example.com
ADMIN_PASSWORD=bench-admin-password

# limit_env on|off: the environment assignments for the rate limits, appended to LIMIT_ENV. "on"
# counts every public request (on PostgreSQL: one upsert of its bucket, or a batch of them) but,
# with every group's capacity at 10^9, refuses none.
limit_env() {
  LIMIT_ENV=()
  if [ "$1" = on ]; then
    local group
    for group in TICKET_CREATION SEARCH TRACKING TRACKED_EVENTS TRACKED_EVENT_BYTES ACCESS_LINKS \
        ACCESS_LINK_EMAILS CONTACT_TICKETS CONFIRMATION_EMAILS; do
      LIMIT_ENV+=("SUPPORTLAB_RATE_LIMITS_${group}_CAPACITY=1000000000")
    done
  else
    LIMIT_ENV+=(SUPPORTLAB_RATE_LIMITS_ENABLED=false)
  fi
}

# staff_login BASE COOKIE_JAR: signs in as the bench admin; sets STAFF_COOKIE (for pages) and
# STAFF_TOKEN (an API token: HTTP Basic on every staff API call would measure bcrypt).
staff_login() {
  local base=$1 jar=$2 csrf
  rm -f "$jar"
  csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -c "$jar" -b "$jar" -o /dev/null -d "username=$ADMIN_EMAIL&password=$ADMIN_PASSWORD&_csrf=$csrf" "$base/login"
  csrf=$(curl -s -c "$jar" -b "$jar" "$base/account/tokens" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -c "$jar" -b "$jar" -o /dev/null -d "name=bench&_csrf=$csrf" "$base/account/tokens"
  STAFF_TOKEN=$(curl -s -c "$jar" -b "$jar" "$base/account/tokens" | sed -n 's/.*id="token-secret">\([^<]*\)<.*/\1/p')
  STAFF_COOKIE="JSESSIONID=$(awk '$6 == "JSESSIONID" {print $7}' "$jar")"
  [ -n "$STAFF_TOKEN" ] || { echo "could not create an API token at $base" >&2; exit 1; }
}
