#!/usr/bin/env bash
# Runs the whole AdStudio test suite the way a fresh Debian machine would: installs what the tests need when it is
# missing (Debian's chromium for the browser tests, the DejaVu fonts the charts are drawn with, PostgreSQL 15 for the
# scale-out path), builds with warnings as errors, then runs every test twice: against SQLite files, and against a
# throwaway PostgreSQL 15 server that tools/test-postgres.sh starts and stops. Tests of mechanics only one engine has
# carry the trait Storage=SqliteOnly or Storage=PostgresOnly and are left out of the other run.
set -euo pipefail
cd "$(dirname "$0")"

needs=()
[ -x /usr/bin/chromium ] || needs+=(chromium)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || needs+=(fonts-dejavu-core)
[ -x /usr/lib/postgresql/15/bin/pg_ctl ] || needs+=(postgresql-15)
if [ ${#needs[@]} -gt 0 ]; then
  echo "Installing ${needs[*]} for the browser, chart and PostgreSQL tests..."
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${needs[@]}"
fi

dotnet build AdStudio.sln --configuration Release

# Both runs always run, so one engine's failure does not hide the other's; the script fails if either did.
status=0
echo "== Tests on SQLite"
dotnet test AdStudio.sln --configuration Release --no-build --filter "Storage!=PostgresOnly" "$@" || status=$?

echo "== Tests on PostgreSQL 15"
postgres="$(tools/test-postgres.sh start)"
trap 'tools/test-postgres.sh stop' EXIT
ADSTUDIO_TEST_PROVIDER=Postgres ADSTUDIO_TEST_POSTGRES="$postgres" \
  dotnet test AdStudio.sln --configuration Release --no-build --filter "Storage!=SqliteOnly" "$@" || status=$?
exit $status
