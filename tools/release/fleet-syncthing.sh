#!/usr/bin/env bash
# The fleet round trip through Syncthing (Debian's syncthing), two instances on this machine:
# a hub and a kiosk, each with its own home and ports, in a network namespace of their own that
# has only the loopback device (unshare -n), so nothing can leave 127.0.0.1; the GUI off,
# global and local discovery, relays, NAT traversal, usage reports and upgrades off.
#   hub packs/ (send-only)       -> kiosk inbox/ (receive-only): a pack signed on the hub
#                                   arrives and the kiosk accepts it;
#   kiosk outbox/ (send-only)    -> hub fleet/kiosk1/ (receive-only): the kiosk's counts export
#                                   arrives and the hub's merge (hub-merge) takes it in.
# Every wait is bounded (120 s); both instances are stopped at the end.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${EV_BUILD_DIR:-$root/build}
[ "${EV_FLEET_NETNS:-}" = 1 ] || "$root/tools/deps.sh" package # syncthing: not in the test group
if [ "${EV_FLEET_NETNS:-}" != 1 ]; then
  exec unshare -n env EV_FLEET_NETNS=1 bash "$0" "$@"
fi
ip link set lo up
if [ -z "${DISPLAY:-}" ]; then exec "$root/tools/xvfb.sh" --screen 1280x1024 bash "$0" "$@"; fi
KIOSK=$build/app/everyvoice-kiosk
PACK_TOOL=$build/tools/pack/everyvoice-pack
export LIBGL_ALWAYS_SOFTWARE=1 SDL_AUDIODRIVER=dummy STNODEFAULTFOLDER=1 STNOUPGRADE=1
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
cd "$work"
fail() { echo "FAIL: $*" >&2; for h in hub kiosk; do echo "--- $h log"; tail -20 "$h.log" || true; done; exit 1; }
start=$(date +%s)

for h in hub kiosk; do syncthing generate --home="$work/$h-home" --no-default-folder --skip-port-probing >/dev/null 2>&1; done
mkdir -p hub/packs hub/fleet/kiosk1 kiosk/state kiosk/inbox kiosk/outbox kiosk/keys
for d in hub/packs hub/fleet/kiosk1 kiosk/inbox kiosk/outbox; do mkdir -p "$d/.stfolder"; done

# configure HOME NAME LISTEN-PORT GUI-PORT PEER-HOME PEER-NAME PEER-PORT FOLDER-ID:PATH:TYPE...
configure() {
  python3 - "$@" <<'PY'
import sys, xml.etree.ElementTree as ET
home, name, port, gui, peer_home, peer, peer_port, *folders = sys.argv[1:]
def own_id(h):
    return ET.parse(h + "/config.xml").getroot().find("device").get("id")
me, them = own_id(home), own_id(peer_home)
tree = ET.parse(home + "/config.xml"); cfg = tree.getroot()
for f in cfg.findall("folder"): cfg.remove(f)
for d in cfg.findall("device"):
    if d.get("id") != me: cfg.remove(d)
g = cfg.find("gui"); g.set("enabled", "false"); g.find("address").text = "127.0.0.1:" + gui
o = cfg.find("options")
def opt(k, v):
    for e in o.findall(k): o.remove(e)
    ET.SubElement(o, k).text = v
opt("listenAddress", "tcp://127.0.0.1:" + port)
for k, v in [("globalAnnounceEnabled", "false"), ("localAnnounceEnabled", "false"), ("relaysEnabled", "false"),
             ("natEnabled", "false"), ("urAccepted", "-1"), ("autoUpgradeIntervalH", "0"),
             ("crashReportingEnabled", "false"), ("startBrowser", "false"), ("announceLANAddresses", "false")]:
    opt(k, v)
d = ET.SubElement(cfg, "device", id=them, name=peer, compression="metadata", introducer="false")
ET.SubElement(d, "address").text = "tcp://127.0.0.1:" + peer_port
for spec in folders:
    fid, path, kind = spec.split(":")
    f = ET.SubElement(cfg, "folder", id=fid, label=fid, path=path, type=kind, rescanIntervalS="1",
                      fsWatcherEnabled="false", ignorePerms="false", autoNormalize="true")
    ET.SubElement(f, "device", id=me); ET.SubElement(f, "device", id=them)
tree.write(home + "/config.xml")
PY
}
configure "$work/hub-home" hub 22701 22702 "$work/kiosk-home" kiosk 22703 \
  "everyvoice-packs:$work/hub/packs:sendonly" "everyvoice-counts-kiosk1:$work/hub/fleet/kiosk1:receiveonly"
configure "$work/kiosk-home" kiosk 22703 22704 "$work/hub-home" hub 22701 \
  "everyvoice-packs:$work/kiosk/inbox:receiveonly" "everyvoice-counts-kiosk1:$work/kiosk/outbox:sendonly"
for h in hub kiosk; do
  syncthing serve --home="$work/$h-home" --no-browser --no-restart --no-upgrade >"$h.log" 2>&1 &
  pids+=($!)
done

# wait_for FILE-GLOB WHAT: up to 120 s
wait_for() {
  for _ in $(seq 240); do compgen -G "$1" >/dev/null && return 0; sleep 0.5; done
  fail "$2 did not arrive in 120 s"
}

# The comms team signs a new pack on the hub.
minisign -G -W -p comms.pub -s comms.key >/dev/null
cp comms.pub kiosk/keys/
cp -r "$root/content" content
sed -i 's/^version = .*/version = 2/' content/default/pack.toml
"$PACK_TOOL" build content/default -o hub/packs/default-2.evpack --locales "$root/locales" >/dev/null 2>&1
minisign -S -s comms.key -m hub/packs/default-2.evpack -t "everyvoice pack=default version=2" >/dev/null
wait_for "kiosk/inbox/default-2.evpack.minisig" "the signed pack"
wait_for "kiosk/inbox/default-2.evpack" "the pack"
echo "ok: the signed pack reached the kiosk's inbox in $(( $(date +%s) - start )) s"

cat >kiosk/kiosk.toml <<TOML
state_dir = "state"
venue = "Fleet Test Library"
inbox = "inbox"
outbox = "outbox"
trusted_keys = "keys"
TOML
printf 'tap Touch to start\ntap lang:en\nwait 6\n' >visit.evscript
"$KIOSK" --config kiosk/kiosk.toml --pack "$build/content/default.evpack" --window 540x960 --script visit.evscript 2>kiosk-run.log ||
  fail "kiosk run: $(cat kiosk-run.log)"
grep -q "accepted default version 2" kiosk-run.log || fail "the kiosk did not accept the pack: $(cat kiosk-run.log)"
[ "$(cat kiosk/state/packs/current)" = default-2.evpack ] || fail "current is $(cat kiosk/state/packs/current)"
echo "ok: the kiosk accepted it (signature by the trusted key, newer version)"

"$KIOSK" --config kiosk/kiosk.toml --export-outbox 2>/dev/null
id=$(sed -n "s/^install_id = [\"']\([0-9a-f]*\)[\"']/\1/p" kiosk/state/kiosk.toml)
wait_for "hub/fleet/kiosk1/everyvoice-counts-$id.csv" "the kiosk's counts export"
PATH=$build/tools/pack:$PATH "$root/packaging/hub-merge" hub/fleet hub/report
grep -q "^$id,Fleet Test Library," hub/report/merged.csv || fail "the kiosk's rows are not in the merge: $(head -5 hub/report/merged.csv)"
grep -q "language_selected" hub/report/merged.csv || fail "the visit's language choice is not in the merge"
[ -s hub/report/dashboard.html ] || fail "no dashboard"
echo "ok: the kiosk's export reached the hub and merged into merged.csv and dashboard.html"
echo "fleet round trip in $(( $(date +%s) - start )) s"
