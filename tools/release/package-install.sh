#!/usr/bin/env bash
# The .deb in a Debian 12 root that has never seen the project: mmdebstrap builds the root from
# Debian's packages (deb.debian.org), then, inside it: apt install ./everyvoice_*.deb (its
# dependencies from Debian), the user, state folder and units are checked, a PIN is set and a
# key trusted as docs/deployment.md says, `everyvoice-kiosk --check` must pass (under xvfb-run,
# as the everyvoice user), then apt purge must leave no file, folder or enabled unit behind.
# Takes about 10 minutes, most of it downloading (docs/release-checks.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
"$root/tools/package.sh" >/dev/null
deb=$(ls -t "$root"/dist/everyvoice_*.deb | head -1)
mirror=${EV_DEBIAN_MIRROR:-http://deb.debian.org/debian}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
minisign -G -W -p "$work/comms.pub" -s "$work/comms.key" >/dev/null
cat >"$work/install.sh" <<'INSTALL'
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq /tmp/everyvoice.deb xvfb xauth >/tmp/apt.log 2>&1 || { tail -30 /tmp/apt.log; echo "FAIL: apt install" >&2; exit 1; }
INSTALL
# The checks run without a network (unshare -n): the installed kiosk needs none, and the root's
# Xvfb cannot meet another X server of the host through an abstract socket.
cat >"$work/inside.sh" <<'INSIDE'
set -eu
fail() { echo "FAIL: $*" >&2; exit 1; }
getent passwd everyvoice >/dev/null || fail "no user everyvoice"
[ "$(stat -c '%a %U' /var/lib/everyvoice)" = "700 everyvoice" ] || fail "state folder: $(stat -c '%a %U' /var/lib/everyvoice)"
[ -L /etc/systemd/system/graphical.target.wants/everyvoice-kiosk.service ] || fail "the kiosk is not enabled at boot"
[ -L /etc/systemd/system/timers.target.wants/everyvoice-export.timer ] || fail "the export timer is not enabled"
grep -q '^/etc/everyvoice/kiosk.toml$' /var/lib/dpkg/info/everyvoice.conffiles || fail "kiosk.toml is not a conffile"
man -w everyvoice-kiosk >/dev/null 2>&1 || [ -e /usr/share/man/man1/everyvoice-kiosk.1.gz ] || fail "no man page"
echo "ok: installed; user, state folder 0700, units enabled, conffile, man pages"
cp /tmp/comms.pub /etc/everyvoice/trusted-keys/comms.pub
sed -i 's/^venue = ""/venue = "Install Test Library"/' /etc/everyvoice/kiosk.toml
printf '2580\n' | runuser -u everyvoice -- everyvoice-kiosk --set-admin-pin 2>/dev/null || fail "--set-admin-pin"
runuser -u everyvoice -- env SDL_AUDIODRIVER=dummy LIBGL_ALWAYS_SOFTWARE=1 \
  xvfb-run -a -s "-screen 0 1280x1024x24 -noreset" everyvoice-kiosk --check >/tmp/check.txt 2>&1 || { cat /tmp/check.txt; fail "--check"; }
cat /tmp/check.txt
printf 'tap Touch to start\ntap lang:en\n' >/tmp/visit.evscript
runuser -u everyvoice -- env SDL_AUDIODRIVER=dummy LIBGL_ALWAYS_SOFTWARE=1 \
  xvfb-run -a -s "-screen 0 1280x1024x24 -noreset" everyvoice-kiosk --window 540x960 --script /tmp/visit.evscript 2>/tmp/visit.log ||
  { cat /tmp/visit.log; fail "a scripted visit"; }
runuser -u everyvoice -- everyvoice-kiosk --export-outbox 2>/tmp/export.log || { cat /tmp/export.log; fail "--export-outbox"; }
ls /var/lib/everyvoice/outbox/everyvoice-counts-*.csv >/dev/null || fail "no export in the outbox"
grep -q ',Install Test Library,' /var/lib/everyvoice/outbox/everyvoice-counts-*.csv || fail "the venue from kiosk.toml is not on the rows"
echo "ok: --check passes as the everyvoice user; a visit is counted and the hourly export writes it to the outbox"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq everyvoice >/tmp/purge.log 2>&1 || { cat /tmp/purge.log; fail "purge"; }
for p in /usr/bin/everyvoice-kiosk /usr/bin/everyvoice-pack /usr/share/everyvoice /etc/everyvoice /var/lib/everyvoice \
         /lib/systemd/system/everyvoice-kiosk.service /etc/systemd/system/graphical.target.wants/everyvoice-kiosk.service \
         /etc/systemd/system/timers.target.wants/everyvoice-export.timer; do
  [ ! -e "$p" ] && [ ! -L "$p" ] || fail "$p is left after purge"
done
! dpkg -l everyvoice 2>/dev/null | grep -q '^[ip]' || fail "dpkg still lists everyvoice"
echo "ok: purged; nothing left"
INSIDE
start=$(date +%s)
mmdebstrap --variant=apt --quiet --include=ca-certificates \
  --customize-hook="copy-in $deb /tmp" \
  --customize-hook="chroot \"\$1\" mv /tmp/$(basename "$deb") /tmp/everyvoice.deb" \
  --customize-hook="copy-in $work/comms.pub $work/install.sh $work/inside.sh /tmp" \
  --customize-hook='chroot "$1" sh /tmp/install.sh' \
  --customize-hook='unshare -n chroot "$1" sh /tmp/inside.sh' \
  bookworm /dev/null "$mirror"
echo "package install and purge in a clean Debian 12 root: $(( $(date +%s) - start )) s"
