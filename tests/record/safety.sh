# Sourced by record-scenarios.sh: the safety check every scenario line
# passes before it runs on the real kernel (`check_line`), so that nothing
# a scenario or a generated session says can reach the host.
# shellcheck shell=bash

# ---------------------------------------------------------------------------
# Safety: a scenario may only run `ip`, `echo`, `sysctl` on net.* keys,
# `ping`, `traceroute -n`, `bridge` (show, fdb add/del), or a single unknown
# word. Nothing may reach the host: no numeric or path network namespaces, no
# paths at all, no batch files, no monitors, no host names (only address
# literals, so nothing reads /etc/hosts or asks a DNS server), and every ping
# and traceroute is bounded in packets and seconds.
# ---------------------------------------------------------------------------
is_prefix_of() { [[ -n $1 && $2 == "$1"* ]]; }

is_uint() { [[ $1 =~ ^[0-9]+$ ]] && (( 10#$1 >= ${2:-0} && 10#$1 <= $3 )); }
is_seconds() { [[ $1 =~ ^[0-9]+(\.[0-9]+)?$ || $1 =~ ^\.[0-9]+$ ]]; }
is_ifname() { [[ $1 =~ ^[A-Za-z0-9_.:@-]{1,15}$ && $1 != *..* ]]; }
# An IPv4 or IPv6 address literal (IPv6 optionally with %ifname), never a name.
is_addr() {
    [[ $1 =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}$ ]] && return 0
    [[ $1 =~ ^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9_.-]{1,15})?$ ]]
}

# ping: count 1-10 (or a deadline of 1-10 s), interval 0.2-1 s, waits of at
# most 5 s, one address literal as destination, each option a word of its own.
check_ping() {
    local w=("$@") n=$# i v bounded=0 dest=''
    for ((i = 0; i < n; i++)); do
        case ${w[i]} in
        -4 | -6 | -n | -q | -O | -b | -R | -v) ;;
        -c | -i | -W | -w | -s | -t | -M | -I | -p | -m | -Q)
            v=${w[i + 1]:-}
            case ${w[i]} in
            -c) is_uint "$v" 1 10 || { echo "ping -c must be 1-10"; return 1; }; bounded=1 ;;
            -w) is_uint "$v" 1 10 || { echo "ping -w must be 1-10"; return 1; }; bounded=1 ;;
            -i) is_seconds "$v" && awk -v x="$v" 'BEGIN { exit !(x >= 0.2 && x <= 1) }' ||
                    { echo "ping -i must be 0.2-1"; return 1; } ;;
            -W) is_seconds "$v" && awk -v x="$v" 'BEGIN { exit !(x > 0 && x <= 5) }' ||
                    { echo "ping -W must be at most 5"; return 1; } ;;
            -s) is_uint "$v" 0 99999 || { echo "ping -s must be 0-99999"; return 1; } ;;
            -t) is_uint "$v" 0 999 || { echo "ping -t must be 0-999"; return 1; } ;;
            -M) [[ $v =~ ^(do|dont|want|probe)$ ]] || { echo "ping -M '$v'"; return 1; } ;;
            -I) is_ifname "$v" || is_addr "$v" || { echo "ping -I '$v'"; return 1; } ;;
            -p) [[ $v =~ ^[0-9A-Fa-f]{1,32}$ ]] || { echo "ping -p '$v'"; return 1; } ;;
            -m | -Q) is_uint "$v" 0 4294967295 || { echo "ping ${w[i]} '$v'"; return 1; } ;;
            esac
            ((i++)) ;;
        -*) echo "ping option '${w[i]}'"; return 1 ;;
        *)
            [[ -z $dest && $i -eq $((n - 1)) ]] || { echo "ping takes one destination, last"; return 1; }
            is_addr "${w[i]}" || { echo "ping destination '${w[i]}' is not an address"; return 1; }
            dest=${w[i]} ;;
        esac
    done
    [[ -n $dest ]] || { echo "ping without a destination"; return 1; }
    ((bounded)) || { echo "ping needs -c or -w"; return 1; }
    return 0
}

# traceroute: always -n (no name lookups), at most 3 probes a hop, waits of at
# most 3 s, at most 30 hops; one address literal, then an optional length.
check_traceroute() {
    local w=("$@") n=$# i v numeric=0 dest=''
    for ((i = 0; i < n; i++)); do
        case ${w[i]} in
        -n) numeric=1 ;;
        -4 | -6 | -I | -U | -T | -F | -e) ;;
        -q | -w | -m | -f | -N | -i | -s | -p | -t | -z)
            v=${w[i + 1]:-}
            case ${w[i]} in
            -q) is_uint "$v" 1 3 || { echo "traceroute -q must be 1-3"; return 1; } ;;
            # A negative part is refused by traceroute before it sends.
            -w) [[ $v =~ ^(-[0-9.e-]+|[0-3](\.[0-9]+)?)(,-?[0-9.e-]+){0,2}$ ]] || { echo "traceroute -w must be at most 3"; return 1; } ;;
            -m) is_uint "$v" 1 30 || { echo "traceroute -m must be 1-30"; return 1; } ;;
            -f) is_uint "$v" 1 30 || { echo "traceroute -f must be 1-30"; return 1; } ;;
            -N) is_uint "$v" 1 16 || { echo "traceroute -N must be 1-16"; return 1; } ;;
            -i) is_ifname "$v" || { echo "traceroute -i '$v'"; return 1; } ;;
            -s) is_addr "$v" || { echo "traceroute -s '$v'"; return 1; } ;;
            -p | -t | -z) is_uint "$v" 0 65535 || { echo "traceroute ${w[i]} '$v'"; return 1; } ;;
            esac
            ((i++)) ;;
        -*) echo "traceroute option '${w[i]}'"; return 1 ;;
        *)
            if [[ -z $dest ]]; then
                is_addr "${w[i]}" || { echo "traceroute destination '${w[i]}' is not an address"; return 1; }
                dest=${w[i]}
            else
                [[ $i -eq $((n - 1)) ]] && is_uint "${w[i]}" 0 65000 ||
                    { echo "traceroute argument '${w[i]}'"; return 1; }
            fi ;;
        esac
    done
    [[ -n $dest ]] || { echo "traceroute without a destination"; return 1; }
    ((numeric)) || { echo "traceroute needs -n"; return 1; }
    return 0
}

# bridge: link/fdb/vlan/mdb show (or list/get), link set/change (port
# settings of devices in the namespace), fdb add/del/append/replace/flush,
# vlan add/del/tunnelshow/global;
# no monitor, batch or numeric netns.
check_bridge() {
    local w=("$@") n=$# i obj=''
    for ((i = 0; i < n; i++)); do
        case ${w[i]} in
        -b | -ba* | -batch | -force) echo "bridge batch mode"; return 1 ;;
        -n | -ne | -net | -netn | -netns)
            ((i++)); is_ifname "${w[i]:-}" && [[ ! ${w[i]} =~ ^[0-9] ]] || { echo "bridge -netns '${w[i]:-}'"; return 1; } ;;
        -*) ;;
        *) obj=$i; break ;;
        esac
    done
    [[ -n $obj ]] || return 0
    local o=${w[obj]} sub=${w[obj + 1]:-show}
    case $o in
    l | li | lin | link | f | fd | fdb | v | vl | vla | vlan | m | md | mdb) ;;
    *) echo "bridge object '$o'"; return 1 ;;
    esac
    case $sub in
    s | sh | sho | show | l | li | lis | list | ls | lst | g | ge | get | dev | br | brport | help) return 0 ;;
    add | del | delete | append | replace)
        [[ $o == f* ]] && return 0
        [[ $o == v* && $sub != append && $sub != replace ]] && return 0 ;;
    flush)
        [[ $o == f* ]] && return 0 ;;
    tunnelshow | global)
        [[ $o == v* ]] && return 0 ;;
    set | change)
        [[ $o == l* ]] && return 0 ;;
    esac
    echo "bridge $o $sub"; return 1
}

# Paths a scenario may name: net sysctls under /proc/sys/net and the
# scenario's own namespaces under /run/netns (a private tmpfs).
is_sys_path() { [[ $1 =~ ^/proc/sys/net(/[A-Za-z0-9_.-]+)*/?$ && $1 != *..* ]]; }
is_netns_dir() { [[ $1 =~ ^(/var)?/run/netns/?$ ]]; }
is_netns_path() { [[ $1 =~ ^(/var)?/run/netns/[A-Za-z0-9_.-]+$ && $1 != *..* ]]; }

# nsenter --net=PATH|-nPATH [--] CMD, PATH one of the scenario's namespaces.
check_nsenter() {
    local w=("$@") n=$# i
    for ((i = 0; i < n; i++)); do
        case ${w[i]} in
        --net=* | -n/*)
            local p=${w[i]#--net=}; p=${p#-n}
            is_netns_path "$p" || { echo "nsenter namespace '$p'"; return 1; } ;;
        -n | --net)
            # nsenter's optional argument is never the next word: it fails
            # with "neither filename nor target pid" before running anything.
            is_netns_path "${w[i + 1]:-}" && return 0 ;;
        --) ((i++)); break ;;
        -*) echo "nsenter option '${w[i]}'"; return 1 ;;
        *) break ;;
        esac
    done
    ((i < n)) || { echo "nsenter without a command"; return 1; }
    check_cmd "${w[@]:i}"
}

# The commands a pipeline's later stages may be: text filters reading their
# standard input, never a file.
check_filter() {
    local w=("$@") n=$# i
    case ${w[0]} in
    grep)
        local pat=0
        for ((i = 1; i < n; i++)); do
            case ${w[i]} in
            -e) ((i++)); pat=1 ;;
            -[EFGvicoqnwx]*) [[ ${w[i]} =~ ^-[EFGvicoqnwx]+$ ]] || { echo "grep option '${w[i]}'"; return 1; } ;;
            *) ((pat)) && { echo "grep reads only standard input"; return 1; }; pat=1 ;;
            esac
        done ;;
    head | tail)
        for ((i = 1; i < n; i++)); do
            [[ ${w[i]} =~ ^(-n|-c)$ ]] && { ((i++)); is_uint "${w[i]#[+-]}" 0 99999 || { echo "${w[0]} count"; return 1; }; continue; }
            [[ ${w[i]} =~ ^-[0-9]+$ ]] || { echo "${w[0]} argument '${w[i]}'"; return 1; }
        done ;;
    wc) for ((i = 1; i < n; i++)); do [[ ${w[i]} =~ ^-[lwc]+$ ]] || { echo "wc argument '${w[i]}'"; return 1; }; done ;;
    sort)
        for ((i = 1; i < n; i++)); do
            case ${w[i]} in
            -[nrub]*) [[ ${w[i]} =~ ^-[nrub]+$ ]] || { echo "sort option '${w[i]}'"; return 1; } ;;
            -k | -t) ((i++)); [[ ${w[i]:-} =~ ^[0-9,]+$|^.$ ]] || { echo "sort ${w[i - 1]} '${w[i]:-}'"; return 1; } ;;
            -k[0-9]*) [[ ${w[i]} =~ ^-k[0-9,]+$ ]] || { echo "sort key '${w[i]}'"; return 1; } ;;
            *) echo "sort argument '${w[i]}'"; return 1 ;;
            esac
        done ;;
    cut)
        for ((i = 1; i < n; i++)); do
            case ${w[i]} in
            -d?) ;;
            -d) ((i++)); [[ ${#w[i]} -eq 1 ]] || { echo "cut delimiter"; return 1; } ;;
            -[fc]) ((i++)); [[ ${w[i]:-} =~ ^[0-9,-]+$ ]] || { echo "cut list"; return 1; } ;;
            -[fc][0-9]*) [[ ${w[i]} =~ ^-[fc][0-9,-]+$ ]] || { echo "cut list"; return 1; } ;;
            -s) ;;
            *) echo "cut argument '${w[i]}'"; return 1 ;;
            esac
        done ;;
    awk)
        # Only field printing: [/REGEX/] { print $N, ... }, optionally -F C.
        for ((i = 1; i < n; i++)); do
            case ${w[i]} in
            -F?) ;;
            -F) ((i++)) ;;
            *)
                [[ $i -eq $((n - 1)) && ${w[i]} =~ ^(/[^/]*/\ ?)?\{\ ?print(\ [\$A-Z0-9,\ ]+)?\ ?\}$ ]] ||
                    { echo "awk program '${w[i]}'"; return 1; } ;;
            esac
        done ;;
    column) for ((i = 1; i < n; i++)); do [[ ${w[i]} == -t ]] || { echo "column argument '${w[i]}'"; return 1; }; done ;;
    # nc sends what the command before it printed (echo TEXT | nc ...),
    # also inside a namespace (echo TEXT | ip netns exec NS nc ...).
    nc) ((BACKGROUND)) && { echo "a pipe into a background job"; return 1; }; check_nc "${w[@]:1}"; return ;;
    ip)
        local start
        start=$(ip_exec_start "${w[@]}")
        ((start < n)) || { echo "'ip' after a pipe only as ip netns exec NS nc"; return 1; }
        check_cmd "${w[@]:0:start}" || return 1
        check_filter "${w[@]:start}"; return ;;
    *) echo "'${w[0]}' after a pipe is not allowed"; return 1 ;;
    esac
    return 0
}

# The index of the command after `ip [OPTIONS] netns exec NS` (or
# `ip -all netns exec`), or the number of words when there is none.
ip_exec_start() {
    local w=("$@") n=$# i obj=-1 all=0
    for ((i = 1; i < n; i++)); do
        case ${w[i]} in
        -n | -ne | -net | -netn | -netns) ((i++)) ;;
        -a | -al | -all) all=1 ;;
        -*) ;;
        *) obj=$i; break ;;
        esac
    done
    if ((obj > 0)) && [[ ${#w[obj]} -ge 3 ]] && is_prefix_of "${w[obj]}" netns && is_prefix_of "${w[obj + 1]:-}" exec; then
        if ((all)); then echo $((obj + 2)); else echo $((obj + 3)); fi
    else
        echo "$n"
    fi
}

# A TCP/UDP port number.
is_port() { is_uint "$1" 0 65535; }
# A URL for curl: http://ADDR[:PORT][/PATH] or ADDR[:PORT][/PATH] with an
# address literal (IPv6 in brackets), never a host name.
is_url() {
    local u=${1#http://} hostport
    hostport=${u%%/*}
    if [[ $hostport == \[* ]]; then
        [[ $hostport =~ ^\[[0-9A-Fa-f:.]+\](:[0-9]+)?$ ]]; return
    fi
    is_addr "${hostport%:*}" || is_addr "$hostport"
}

# nc (netcat-openbsd 1.219): address literals only; -w at most 5 s; a
# listener (-l) only as a background job.
check_nc() {
    local w=("$@") n=$# i v listen=0 bg=$BACKGROUND
    for ((i = 0; i < n; i++)); do
        case ${w[i]} in
        -[46DdNnuvzkl]*) [[ ${w[i]} =~ ^-[46DdNnuvzkl]+$ ]] || { echo "nc option '${w[i]}'"; return 1; }
            [[ ${w[i]} == *l* ]] && listen=1 ;;
        -w | -s | -p | -q)
            v=${w[i + 1]:-}
            case ${w[i]} in
            -w | -q) is_uint "$v" 0 5 || { echo "nc ${w[i]} must be 0-5"; return 1; } ;;
            -s) is_addr "$v" || { echo "nc -s '$v'"; return 1; } ;;
            -p) is_port "$v" || { echo "nc -p '$v'"; return 1; } ;;
            esac
            ((i++)) ;;
        -*) echo "nc option '${w[i]}'"; return 1 ;;
        *) is_addr "${w[i]}" || is_port "${w[i]}" || [[ ${w[i]} =~ ^[0-9]+-[0-9]+$ ]] ||
                { echo "nc argument '${w[i]}'"; return 1; } ;;
        esac
    done
    ((listen && !bg)) && { echo "nc -l only as a background job (CMD &)"; return 1; }
    return 0
}

# curl 7.88: address-literal URLs, -m at most 5 s, -o only to /dev/null.
check_curl() {
    local w=("$@") n=$# i v url=0
    for ((i = 0; i < n; i++)); do
        case ${w[i]} in
        -s | -S | -sS | -Ss | -v | -I | -i | -sI | -sv | -f | -4 | -6 | --head | --silent | --show-error | --verbose) ;;
        -m | -o | -w | --connect-timeout | --max-time)
            v=${w[i + 1]:-}
            case ${w[i]} in
            -m | --max-time | --connect-timeout) is_seconds "$v" && awk -v x="$v" 'BEGIN { exit !(x > 0 && x <= 5) }' ||
                    { echo "curl ${w[i]} must be at most 5"; return 1; } ;;
            -o) [[ $v == /dev/null ]] || { echo "curl -o only to /dev/null"; return 1; } ;;
            -w) [[ $v =~ ^(%\{[a-z_]+\}|\\n|[A-Za-z0-9 :=_-])+$ ]] || { echo "curl -w '$v'"; return 1; } ;;
            esac
            ((i++)) ;;
        -*) echo "curl option '${w[i]}'"; return 1 ;;
        *) is_url "${w[i]}" || { echo "curl URL '${w[i]}'"; return 1; }; url=1 ;;
        esac
    done
    ((url)) || { echo "curl without a URL"; return 1; }
    return 0
}

# ss (iproute2 6.1): listing options only, no -K (kill) or -E (events).
check_ss() {
    local a
    for a in "$@"; do
        case $a in
        -K* | -E* | --kill | --events | -F* | -D* | --filter | --diag) echo "ss option '$a'"; return 1 ;;
        esac
    done
    return 0
}

# tcpdump 4.99: a count (-c 1-50) and an interface, -w/-r only to a plain
# file name in the working directory; a live capture only as a background job.
check_tcpdump() {
    local w=("$@") n=$# i v count=0 read=0
    for ((i = 0; i < n; i++)); do
        case ${w[i]} in
        -[nevtlqxXA]*) [[ ${w[i]} =~ ^-[nevtlqxXA]+$ ]] || { echo "tcpdump option '${w[i]}'"; return 1; } ;;
        -c | -i | -w | -r | -s)
            v=${w[i + 1]:-}
            case ${w[i]} in
            -c) is_uint "$v" 1 50 || { echo "tcpdump -c must be 1-50"; return 1; }; count=1 ;;
            -i) is_ifname "$v" || { echo "tcpdump -i '$v'"; return 1; } ;;
            -w | -r) [[ $v =~ ^[A-Za-z0-9_.-]+$ && $v != .* ]] || { echo "tcpdump ${w[i]} '$v'"; return 1; }
                [[ ${w[i]} == -r ]] && read=1 ;;
            -s) is_uint "$v" 0 262144 || { echo "tcpdump -s '$v'"; return 1; } ;;
            esac
            ((i++)) ;;
        -*) echo "tcpdump option '${w[i]}'"; return 1 ;;
        *) [[ ${w[i]} =~ ^[a-z0-9.:/]+$ ]] || { echo "tcpdump filter word '${w[i]}'"; return 1; } ;;
        esac
    done
    ((read)) && return 0
    ((count)) || { echo "tcpdump needs -c"; return 1; }
    ((BACKGROUND)) || { echo "a live tcpdump only as a background job (CMD &)"; return 1; }
    return 0
}

# python3 -m http.server [PORT] [--bind ADDR], only as a background job; it
# serves the scenario's empty working directory.
check_python() {
    [[ ${1:-} == -m && ${2:-} == http.server ]] || { echo "python3 only as -m http.server"; return 1; }
    shift 2
    while [[ $# -gt 0 ]]; do
        case $1 in
        --bind | -b) is_addr "${2:-}" || { echo "http.server --bind '${2:-}'"; return 1; }; shift ;;
        *) is_port "$1" || { echo "http.server argument '$1'"; return 1; } ;;
        esac
        shift
    done
    ((BACKGROUND)) || { echo "http.server only as a background job (CMD &)"; return 1; }
    return 0
}

# check_cmd WORD... : prints a reason and returns 1 when the command is refused.
check_cmd() {
    local w=("$@") n=$# i
    [[ $n -ge 1 ]] || { echo "empty command"; return 1; }
    case ${w[0]} in
    cat)
        for ((i = 1; i < n; i++)); do is_sys_path "${w[i]}" || { echo "cat '${w[i]}'"; return 1; }; done
        return 0 ;;
    ls)
        for ((i = 1; i < n; i++)); do
            is_netns_dir "${w[i]}" || is_netns_path "${w[i]}" || is_sys_path "${w[i]}" || { echo "ls '${w[i]}'"; return 1; }
        done
        return 0 ;;
    nsenter) check_nsenter "${w[@]:1}"; return ;;
    true | false) return 0 ;;
    esac
    # ip's words are checked up to a netns exec's command (checked on its own).
    local last=$n
    [[ ${w[0]} == ip ]] && last=$(ip_exec_start "${w[@]}")
    ((last > n)) && last=$n
    for ((i = 0; i < last; i++)); do
        [[ ${w[i]} == /dev/null && ${w[i - 1]:-} == -o ]] && continue
        [[ ${w[i]} == /* || ${w[i]} == *"/proc"* || ${w[i]} == *"/sys"* ]] &&
            { echo "path argument '${w[i]}'"; return 1; }
    done
    case ${w[0]} in
    echo) return 0 ;;
    iptables | ip6tables | iptables-save | ip6tables-save)
        # Only the kernel's tables of the scenario's namespace; no files,
        # no waiting on the xtables lock of another process. (-f is a file
        # only to iptables-save; to iptables it is --fragment.)
        for ((i = 1; i < n; i++)); do
            case ${w[i]} in
            -f | --file) [[ ${w[0]} == *-save ]] && { echo "${w[0]} option '${w[i]}'"; return 1; } ;;
            -M | --modprobe | -w | --wait | -W | --wait-interval)
                echo "${w[0]} option '${w[i]}'"; return 1 ;;
            esac
        done
        return 0 ;;
    nft)
        # nft: commands on the command line only (no -f FILE, no monitor,
        # no include).
        for ((i = 1; i < n; i++)); do
            case ${w[i]} in
            -f | --file | -I | --includepath | -i | --interactive | monitor | include)
                echo "nft '${w[i]}'"; return 1 ;;
            esac
        done
        return 0 ;;
    ping) check_ping "${w[@]:1}"; return ;;
    traceroute) check_traceroute "${w[@]:1}"; return ;;
    bridge) check_bridge "${w[@]:1}"; return ;;
    nc) check_nc "${w[@]:1}"; return ;;
    curl) check_curl "${w[@]:1}"; return ;;
    ss) check_ss "${w[@]:1}"; return ;;
    tcpdump) check_tcpdump "${w[@]:1}"; return ;;
    python3) check_python "${w[@]:1}"; return ;;
    sysctl)
        for ((i = 1; i < n; i++)); do
            case ${w[i]} in
            -w | -n | -e | -q | -N | --write | --values) ;;
            net.ipv4.* | net.ipv6.*) ;;
            # br_netfilter's switches are per namespace (struct brnf_net).
            net.bridge.bridge-nf-*) ;;
            net.*) [[ ${w[i]} == *=* ]] && { echo "sysctl write outside net.ipv4/net.ipv6"; return 1; } ;;
            *) echo "sysctl argument '${w[i]}'"; return 1 ;;
            esac
        done
        return 0 ;;
    ip)
        local obj=-1 all=0
        for ((i = 1; i < n; i++)); do
            case ${w[i]} in
            -b | -ba* | -batch | -force) echo "ip batch mode"; return 1 ;;
            -n | -ne | -net | -netn | -netns)
                ((i++)); [[ ${w[i]:-} =~ ^[0-9] ]] && { echo "numeric -netns"; return 1; } ;;
            -a | -al | -all) all=1 ;;
            -*) ;;
            *) obj=$i; break ;;
            esac
        done
        for ((i = 1; i < n; i++)); do
            if is_prefix_of "${w[i]}" monitor && [[ ${#w[i]} -ge 3 ]]; then echo "ip monitor"; return 1; fi
            if [[ ${w[i]} == netns ]] && [[ ${w[i + 1]:-} =~ ^[0-9] ]]; then
                echo "numeric netns"; return 1
            fi
        done
        if ((obj > 0)) && [[ ${#w[obj]} -ge 3 ]] && is_prefix_of "${w[obj]}" netns; then
            local sub=${w[obj + 1]:-}
            for bad in attach monitor pids; do
                is_prefix_of "$sub" "$bad" && [[ $sub != e* ]] && { echo "ip netns $bad"; return 1; }
            done
            if is_prefix_of "$sub" exec; then
                local start=$((obj + 3))
                ((all)) && start=$((obj + 2))
                ((start < n)) || return 0
                check_cmd "${w[@]:start}"
                return
            fi
        fi
        return 0 ;;
    *)
        if [[ $n -eq 1 ]] && [[ -z $(type -t "${w[0]}") ]] && ! type -P "${w[0]}" >/dev/null; then
            return 0 # an unknown command, to show bash's message
        fi
        echo "command '${w[0]}' is not allowed"; return 1 ;;
    esac
}

# Splits a line into words and the operators | ; && > (each a word of its
# own); only single quotes, and no other shell syntax. Sets TOKENS.
tokenize() {
    local s=$1 i=0 n=${#1} c tok='' in=0 rest q
    TOKENS=()
    while ((i < n)); do
        c=${s:i:1}
        case $c in
        ' ') ((in)) && TOKENS+=("$tok"); tok='' in=0 ;;
        "'")
            rest=${s:i+1}
            [[ $rest == *"'"* ]] || { echo "unterminated quote"; return 1; }
            q=${rest%%"'"*}; tok+=$q; in=1; ((i += ${#q} + 1)) ;;
        '"')
            # Double quotes with plain text inside: no expansions.
            rest=${s:i+1}
            [[ $rest == *'"'* ]] || { echo "unterminated quote"; return 1; }
            q=${rest%%'"'*}
            [[ $q =~ [\$\`\\\!] ]] && { echo "shell syntax inside double quotes"; return 1; }
            tok+=$q; in=1; ((i += ${#q} + 1)) ;;
        '|' | ';' | '>')
            ((in)) && TOKENS+=("$tok"); tok='' in=0; TOKENS+=("$c") ;;
        '&')
            # A lone `&` only ends the line: a background job (CMD &).
            if [[ ${s:i+1:1} != '&' ]]; then
                [[ -z ${s:i+1} ]] || { echo "'&' only at the end of a line"; return 1; }
                ((in)) && TOKENS+=("$tok"); tok='' in=0; BACKGROUND=1; ((i++)); continue
            fi
            ((in)) && TOKENS+=("$tok"); tok='' in=0; TOKENS+=('&&'); ((i++)) ;;
        [\$\`\<\(\)\{\}\\\*\?\!\[]) echo "shell syntax '$c' (only | ; && >, & at the end, and quotes)"; return 1 ;;
        *) tok+=$c; in=1 ;;
        esac
        ((i++))
    done
    ((in)) && TOKENS+=("$tok")
    return 0
}

# A line: pipelines joined by ; or &&; a pipeline's first command by
# check_cmd, later ones by check_filter; `echo V > /proc/sys/net/...` is the
# one redirection.
BACKGROUND=0
check_line() {
    BACKGROUND=0
    tokenize "$1" || return 1
    local t stage=() pos=0
    TOKENS+=(';')
    for t in "${TOKENS[@]}"; do
        case $t in
        '|' | ';' | '&&')
            [[ ${#stage[@]} -gt 0 ]] || { echo "empty command before '$t'"; return 1; }
            if [[ " ${stage[*]} " == *" > "* ]]; then
                local k=${#stage[@]}
                [[ ${stage[0]} == echo && ${stage[k - 2]} == '>' && $t != '|' ]] && is_sys_path "${stage[k - 1]}" &&
                    [[ " ${stage[*]:0:k-2} " != *" > "* ]] || { echo "only echo V > /proc/sys/net/..."; return 1; }
            elif ((pos == 0)); then
                check_cmd "${stage[@]}" || return 1
            else
                check_filter "${stage[@]}" || return 1
            fi
            if [[ $t == '|' ]]; then ((pos++)); else pos=0; fi
            stage=() ;;
        *) stage+=("$t") ;;
        esac
    done
    return 0
}
