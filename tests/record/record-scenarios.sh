#!/usr/bin/env bash
# Records tests/golden/NAME.out from tests/scenarios/NAME.sh on the real Linux
# kernel: every scenario runs in a fresh world (`unshare --net --mount`, a
# private empty /run/netns), every command line on a pseudo-terminal under an
# interactive bash. See tests/record/README.md.
#
#   record-scenarios.sh [NAME...]     record all scenarios, or only NAME...
#   record-scenarios.sh --check [NAME...]
#                                     record into a temporary directory and
#                                     compare with tests/golden (exit 1 if stale)
#   record-scenarios.sh --list        print the scenario names
#   record-scenarios.sh --out DIR ... write the transcripts to DIR instead
#
# Must run as root. Needs unshare, nsenter and script (util-linux) and perl.

set -u -o pipefail

SELF=$(readlink -f "${BASH_SOURCE[0]}")
ROOT=$(cd "$(dirname "$SELF")/../.." && pwd)
SCEN_DIR=$ROOT/tests/scenarios
GOLDEN_DIR=$ROOT/tests/golden
FILTER=$ROOT/tests/record/normalize.sed

# Pause after every command, then wait (up to SETTLE_MAX polls of 0.1 s) until
# no link has a pending operstate change and no IPv6 address on a link with
# carrier is still tentative.
PAUSE=0.3
SETTLE_MAX=60
CMD_TIMEOUT=30

# The one normalisation filter (also applied by tests/scenarios.rs).
normalise() { if [[ -f $FILTER ]]; then sed -E -f "$FILTER"; else cat; fi; }

die() { echo "record-scenarios: $*" >&2; exit 2; }

# shellcheck source=tests/record/safety.sh
source "$ROOT/tests/record/safety.sh"

scenario_lines() { # the executed lines of a scenario, as written
    local line t
    while IFS= read -r line || [[ -n $line ]]; do
        t=${line#"${line%%[![:space:]]*}"}
        [[ -z $t || $t == \#* ]] && continue
        printf '%s\n' "$line"
    done <"$1"
}

# ---------------------------------------------------------------------------
# Settling: read sysfs and /proc/net/if_inet6 in every namespace (never
# netlink: a link dump would allocate peer netns ids and change later output).
# ---------------------------------------------------------------------------
probe() { # one line per link: name flags carrier operstate; then if_inet6
    local d
    for d in /sys/class/net/*; do
        [[ -e $d/flags ]] || continue
        echo "L ${d##*/} $(<"$d/flags") $(cat "$d/carrier" 2>/dev/null || echo -) $(<"$d/operstate")"
    done
    sed 's/^/A /' /proc/net/if_inet6 2>/dev/null
}

# A namespace is unsettled when an up link's operstate does not yet follow its
# carrier, or an IPv6 address on an up link with carrier is still tentative.
unsettled() {
    perl -ne '
        sub section { $bad = 1 if grep { $carrier{$_} } keys %tent; %carrier = (); %tent = () }
        my @f = split;
        if ($f[0] eq "N") { section() }
        elsif ($f[0] eq "L") {
            my $up = hex($f[2]) & 1;
            $carrier{$f[1]} = 1 if $up && $f[3] eq "1";
            $bad = 1 if $up && $f[3] eq "1" && $f[4] ne "up" && $f[4] ne "unknown";
            $bad = 1 if $up && $f[3] eq "0" && $f[4] eq "up";
        } elsif ($f[0] eq "A") {
            my $fl = hex($f[5]);
            $tent{$f[6]} = 1 if ($fl & 0x40) && !($fl & 0x08);
        }
        END { section(); exit($bad ? 0 : 1) }'
}

snapshot() {
    probe
    local f
    for f in /run/netns/*; do
        [[ -e $f ]] || continue
        echo "N ${f##*/}"
        nsenter --net="$f" unshare --mount bash -c \
            "$(declare -f probe); mount -t sysfs sysfs /sys 2>/dev/null && probe" 2>/dev/null
    done
}

settle() {
    sleep "$PAUSE"
    local i prev='' cur
    for ((i = 0; i < SETTLE_MAX; i++)); do
        cur=$(snapshot)
        if [[ $cur == "$prev" ]] && ! unsettled <<<"$cur"; then
            return 0
        fi
        prev=$cur
        sleep 0.1
    done
    echo "record-scenarios: warning: state did not settle" >&2
}

# ---------------------------------------------------------------------------
# Inside the fresh world: run the scenario, write the transcript.
# ---------------------------------------------------------------------------
# Background jobs (`CMD &`): each runs under its own pseudo-terminal with
# /dev/null as standard input, its output collected in a log; the transcript
# gets `[N] PID` for the launch (N as bash numbers jobs: one more than the
# highest job still running), and after every later command, once settled,
# whatever the jobs printed meanwhile (in job order). Jobs still running at the
# end of the scenario are killed; nothing after the last command is written.
JOB_PIDS=() JOB_LOGS=() JOB_SEEN=() JOB_COUNT=0

start_job() { # start_job LINE OUT TMPDIR
    local line=$1 out=$2 dir=$3 n=0 j
    for j in "${!JOB_PIDS[@]}"; do
        kill -0 "${JOB_PIDS[j]}" 2>/dev/null && n=$((j + 1))
    done
    # Every job its own log (a slot reused after a job ended must not share
    # a log with one still running).
    JOB_COUNT=$((JOB_COUNT + 1))
    local log=$dir/job.$JOB_COUNT
    env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/root USER=root LOGNAME=root SHELL=/bin/bash TERM=xterm \
        LANG=C COLUMNS=80 LINES=24 HISTFILE= IPLAB_LINE="$line" \
        setsid timeout "$CMD_TIMEOUT" script -qfec \
        'stty cols 80 rows 24 2>/dev/null; exec bash --norc --noprofile -c "exec $IPLAB_LINE" </dev/null' \
        /dev/null </dev/null >"$log" 2>&1 &
    local pid=$!
    # Jobs are numbered in launch order among those running (bash's jobs table).
    while ((${#JOB_PIDS[@]} < n)); do JOB_PIDS+=(0) JOB_LOGS+=(/dev/null) JOB_SEEN+=(0); done
    JOB_PIDS[n]=$pid JOB_LOGS[n]=$log JOB_SEEN[n]=0
    printf '[%d] %d\n' $((n + 1)) "$pid" >>"$out"
}

job_output() { # appends what every job printed since the last call
    local out=$1 j size
    for j in "${!JOB_PIDS[@]}"; do
        [[ -f ${JOB_LOGS[j]} ]] || continue
        size=$(stat -c %s "${JOB_LOGS[j]}")
        if ((size > JOB_SEEN[j])); then
            tail -c +$((JOB_SEEN[j] + 1)) "${JOB_LOGS[j]}" | head -c $((size - JOB_SEEN[j])) | perl -pe 's/\r\n/\n/g' >>"$out"
            JOB_SEEN[j]=$size
        fi
    done
}

stop_jobs() {
    local pid
    for pid in "${JOB_PIDS[@]}"; do
        ((pid > 0)) && kill -TERM -- -"$pid" 2>/dev/null
    done
    wait 2>/dev/null
}

run_world() {
    local scen=$1 out=$2 line status tmp dir
    mount --make-rprivate / || die "cannot make mounts private"
    # A machine that never ran `ip netns add` has no /run/netns to mount on.
    mkdir -p /run/netns || die "cannot create /run/netns"
    mount -t tmpfs -o mode=0755 tmpfs /run/netns || die "cannot mount /run/netns"
    mount -t sysfs sysfs /sys || die "cannot mount sysfs"
    tmp=$(mktemp) || die "mktemp failed"
    # Commands run in an empty working directory (what http.server lists,
    # where tcpdump -w writes).
    dir=$(mktemp -d) || die "mktemp failed"
    mkdir "$dir/cwd" && cd "$dir/cwd" || die "no working directory"
    : >"$out"
    while IFS= read -r line; do
        printf '$ %s\n' "$line" >>"$out"
        if [[ $line == *" &" ]]; then
            start_job "${line% &}" "$out" "$dir"
            settle
            job_output "$out"
            continue
        fi
        env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
            HOME=/root USER=root LOGNAME=root SHELL=/bin/bash TERM=xterm \
            LANG=C COLUMNS=80 LINES=24 HISTFILE= IPLAB_LINE="$line" \
            timeout "$CMD_TIMEOUT" script -qec \
            'stty cols 80 rows 24 2>/dev/null; exec bash --norc --noprofile -i -c "$IPLAB_LINE"' \
            /dev/null </dev/null >"$tmp"
        status=$?
        [[ $status -eq 124 ]] && echo "record-scenarios: $scen: timed out: $line" >&2
        perl -pe 's/\r\n/\n/g' "$tmp" >>"$out"
        settle
        job_output "$out"
        [[ $status -ne 0 ]] && printf '[exit %d]\n' "$status" >>"$out"
    done < <(scenario_lines "$scen")
    stop_jobs
    cd / && rm -rf "$dir"
    rm -f "$tmp"
}

if [[ ${1:-} == --world ]]; then
    run_world "$2" "$3"
    exit 0
fi

# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------
mode=record out_dir=$GOLDEN_DIR
names=()
while [[ $# -gt 0 ]]; do
    case $1 in
    --check) mode=check ;;
    --list) mode=list ;;
    --out) out_dir=$2; shift ;;
    -h | --help) sed -n '2,14p' "$SELF" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1" ;;
    *) names+=("${1%.sh}") ;;
    esac
    shift
done

if [[ ${#names[@]} -eq 0 ]]; then
    for f in "$SCEN_DIR"/*.sh; do
        [[ -e $f ]] && names+=("$(basename "$f" .sh)")
    done
fi

if [[ $mode == list ]]; then
    printf '%s\n' "${names[@]}"
    exit 0
fi

# --check where the kernel cannot be asked: a skip, except in CI, where a
# check that cannot run is a failure.
skip() {
    if [[ -n ${CI:-} ]]; then
        echo "record-scenarios: cannot check in CI: $1" >&2
        exit 1
    fi
    echo "skipped: $1"
    exit 0
}

if [[ $(id -u) -ne 0 ]]; then
    [[ $mode == check ]] && skip "not root"
    die "must run as root"
fi
if ! unshare --net --mount true 2>/dev/null; then
    [[ $mode == check ]] && skip "unshare --net --mount is unavailable"
    die "unshare --net --mount is unavailable"
fi
for tool in script nsenter perl timeout awk; do
    command -v "$tool" >/dev/null || {
        [[ $mode == check ]] && skip "$tool is missing"
        die "$tool is missing"
    }
done

# Refuse a scenario before running anything of it.
bad=0
for name in "${names[@]}"; do
    f=$SCEN_DIR/$name.sh
    [[ -f $f ]] || { echo "record-scenarios: no such scenario: $name" >&2; bad=1; continue; }
    c=$(scenario_lines "$f" | wc -l)
    if ((c < 3 || c > 30)); then echo "record-scenarios: $name: $c command lines (3-30 allowed)" >&2; bad=1; fi
    while IFS= read -r line; do
        if ! why=$(check_line "$line"); then
            echo "record-scenarios: $name: refused ($why): $line" >&2; bad=1
        fi
    done < <(scenario_lines "$f")
done
((bad)) && exit 2

if [[ $mode == check ]]; then
    out_dir=$(mktemp -d) || die "mktemp failed"
    trap 'rm -rf "$out_dir"' EXIT
fi
mkdir -p "$out_dir"

for name in "${names[@]}"; do
    [[ $mode == record ]] && echo "recording $name" >&2
    unshare --net --mount -- bash "$SELF" --world "$SCEN_DIR/$name.sh" "$out_dir/$name.out" ||
        die "$name: recording failed"
done

if [[ $mode == check ]]; then
    stale=0
    for name in "${names[@]}"; do
        if [[ ! -f $GOLDEN_DIR/$name.out ]]; then
            echo "missing: tests/golden/$name.out"; stale=1
        elif ! diff -u --label "tests/golden/$name.out" --label "linux/$name.out" \
            <(normalise <"$GOLDEN_DIR/$name.out") <(normalise <"$out_dir/$name.out"); then
            stale=1
        fi
    done
    if ((stale)); then
        echo "golden transcripts differ from this kernel (re-record with tests/record/record-scenarios.sh)"
        exit 1
    fi
    echo "all ${#names[@]} transcripts match"
fi
exit 0
