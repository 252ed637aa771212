//! `ss` as iproute2 6.1 prints it: TCP and UDP sockets of the namespace
//! with their states and queues, asked of the kernel over
//! NETLINK_SOCK_DIAG with the requests the real ss sends, filtered by
//! `-t -u -l -a -4 -6` and laid out in ss's columns (`render_calc_width`:
//! the widest entry of each column, the terminal's spare width spread
//! over the columns, from the right).

mod info;

use crate::output::Output;
use crate::sim::getopt::{GetoptError, getopt};
use crate::sim::process::{Program, Step};
use crate::sim::socket::Sys;
use crate::stack::sock::State;
use std::net::SocketAddr;

/// The width of the terminal the recorder uses (`COLUMNS=80`).
const SCREEN_WIDTH: usize = 80;

#[derive(Debug, Clone, Default)]
struct Options {
    tcp: bool,
    udp: bool,
    /// `-x`: the unix tables (u_str, u_dgr, u_seq; the world has no unix
    /// sockets, so they list nothing).
    unix: bool,
    /// No table named: every one (`filter_default_dbs`), DCCP's included.
    every_table: bool,
    numeric: bool,
    no_header: bool,
    v4: bool,
    v6: bool,
    /// `-p`: the processes holding each socket.
    processes: bool,
    /// `-e`: the socket's details (inode, cookie, cgroup, shutdown).
    details: bool,
    /// `-i`: TCP's internal information under each TCP socket.
    info: bool,
    /// `-s`: the summary first; alone (no table asked for, no filter) only it.
    summary: bool,
    summary_only: bool,
    /// The state bits asked for (`-a`, `-l`, `state`, `exclude`).
    states: u32,
    /// Port conditions of the filter, all to hold: `sport = :N` (the
    /// local port, true) and `dport = :N` (the remote one, false).
    ports: Vec<(bool, u16)>,
}

/// Every state bit (`SS_ALL`: 1 << SS_MAX minus one).
const SS_ALL: u32 = 0xfff;
/// The default: connected sockets (`SS_CONN`).
const SS_CONN: u32 =
    SS_ALL & !(1 << State::Listen as u32 | 1 << State::Close as u32 | 1 << State::TimeWait as u32 | 1 << State::SynRecv as u32);

/// The states a `state`/`exclude` word names (`scan_state`).
fn scan_state(word: &str) -> Option<u32> {
    let bit = |s: State| 1u32 << s as u32;
    Some(match word.to_ascii_lowercase().as_str() {
        "close" | "closed" | "unconnected" => bit(State::Close),
        "syn-rcv" | "syn-recv" => bit(State::SynRecv),
        "established" => bit(State::Established),
        "all" => SS_ALL,
        "connected" => SS_ALL & !(bit(State::Close) | bit(State::Listen)),
        "synchronized" => SS_ALL & !(bit(State::Close) | bit(State::Listen) | bit(State::SynSent)),
        "bucket" => bit(State::SynRecv) | bit(State::TimeWait),
        "big" => SS_ALL & !(bit(State::SynRecv) | bit(State::TimeWait)),
        "unknown" => 1,
        "syn-sent" => bit(State::SynSent),
        "fin-wait-1" => bit(State::FinWait1),
        "fin-wait-2" => bit(State::FinWait2),
        "time-wait" => bit(State::TimeWait),
        "close-wait" => bit(State::CloseWait),
        "last-ack" => bit(State::LastAck),
        "listening" => bit(State::Listen),
        "closing" => bit(State::Closing),
        _ => return None,
    })
}

/// Parses the arguments into a program (Err: the status after a usage error).
pub fn spawn(args: &[String], out: &mut Output) -> Result<Box<dyn Program>, i32> {
    let (opts, words) = match getopt(args, "fFAD", "tulanH46epimosrxw0SZ") {
        Ok(x) => x,
        Err(GetoptError::Invalid(c)) | Err(GetoptError::MissingValue(c)) => {
            out.err(&format!("ss: invalid option -- '{c}'\n"));
            return Err(255);
        }
    };
    let mut o = Options::default();
    for opt in opts {
        match opt.letter {
            't' => o.tcp = true,
            'u' => o.udp = true,
            'x' => o.unix = true,
            'l' => o.states = 1 << State::Listen as u32 | 1 << State::Close as u32,
            'a' => o.states = SS_ALL,
            'n' => o.numeric = true,
            'H' => o.no_header = true,
            '4' => o.v4 = true,
            '6' => o.v6 = true,
            'p' => o.processes = true,
            'e' => o.details = true,
            's' => o.summary = true,
            'i' => o.info = true,
            _ => {}
        }
    }
    // `state NAME` and `exclude NAME` before any other filter words.
    let mut saw_states = false;
    let mut rest = words.iter().peekable();
    while let Some(w) = rest.peek() {
        let exclude = match w.as_str() {
            "state" => false,
            "exclude" | "excl" => true,
            _ => break,
        };
        rest.next();
        let Some(name) = rest.next() else {
            out.err("Command line is not complete. Try option \"help\"\n");
            return Err(255);
        };
        let Some(bits) = scan_state(name) else {
            out.err(&format!("ss: wrong state name: {name}\n"));
            return Err(255);
        };
        if !saw_states {
            o.states = if exclude { SS_ALL } else { 0 };
        }
        o.states = if exclude { o.states & !bits } else { o.states | bits };
        saw_states = true;
    }
    // Port conditions (`sport = :N`, `dport == :N`, joined by `and`), as
    // ssfilter.y reads them; other expressions are not filtered on.
    let rest: Vec<&String> = rest.collect();
    let mut i = 0;
    while i < rest.len() {
        let local = match rest[i].as_str() {
            "sport" => true,
            "dport" => false,
            _ => {
                i += 1;
                continue;
            }
        };
        i += 1;
        if rest.get(i).is_some_and(|w| matches!(w.as_str(), "=" | "==" | "eq")) {
            i += 1;
        }
        if let Some(port) = rest.get(i).and_then(|w| w.strip_prefix(':')).and_then(crate::text::int::<u16>) {
            o.ports.push((local, port));
        }
        i += 1;
    }
    if o.states == 0 {
        // Each table asked for adds its default states (`filter_db_set`):
        // TCP the connected ones, UDP the connected (ESTABLISHED) ones.
        o.states = match (o.tcp, o.udp) {
            (false, true) => 1 << State::Established as u32,
            _ => SS_CONN,
        };
    }
    o.summary_only = o.summary && !o.tcp && !o.udp && words.is_empty();
    if !o.tcp && !o.udp && !o.unix {
        (o.every_table, o.tcp, o.udp) = (true, true, true);
    }
    Ok(Box::new(Ss { o }))
}

/// A run of `ss` (one step: it prints and ends).
pub struct Ss {
    o: Options,
}

/// The name ss gives a state number (`sstate_name`).
fn state_name(state: u8) -> &'static str {
    match state {
        1 => "ESTAB",
        2 => "SYN-SENT",
        3 => "SYN-RECV",
        4 => "FIN-WAIT-1",
        5 => "FIN-WAIT-2",
        6 => "TIME-WAIT",
        7 => "UNCONN",
        8 => "CLOSE-WAIT",
        9 => "LAST-ACK",
        10 => "LISTEN",
        11 => "CLOSING",
        _ => "UNKNOWN",
    }
}

impl Ss {
    fn endpoint(&self, a: SocketAddr, udp: bool, peer: bool) -> (String, String) {
        let host = match a.ip() {
            ip if ip.is_unspecified() && a.is_ipv6() => "*".to_string(),
            ip => crate::text::host_text(ip),
        };
        let port = if a.port() == 0 && (peer || a.ip().is_unspecified()) {
            "*".to_string()
        } else if self.o.numeric || (32768..=60999).contains(&a.port()) {
            a.port().to_string()
        } else {
            crate::programs::services::name(a.port(), udp).map_or(a.port().to_string(), str::to_string)
        };
        (format!("{host}:"), port)
    }

    /// Dumps one protocol and family over NETLINK_SOCK_DIAG, as
    /// `inet_show_netlink` does.
    fn dump(&self, sys: &Sys, udp: bool, v6: bool) -> Vec<crate::sockdiag::Entry> {
        let ext = if self.o.info && !udp { crate::sockdiag::info::SS_INFO_EXT } else { 0 };
        let request = crate::sockdiag::dump_request(v6, udp, self.o.states, ext);
        let replies = crate::sockdiag::answer(sys.net, sys.ns, SS_PORT, &request, sys.now_us);
        replies
            .iter()
            .flat_map(|r| crate::wire::header::MessageIter::new(r).map_while(Result::ok).collect::<Vec<_>>())
            .filter(|m| m.header.kind == crate::sockdiag::SOCK_DIAG_BY_FAMILY)
            .filter_map(|m| crate::sockdiag::parse(m.payload))
            .collect()
    }
}

/// What `-p` prints for a socket: the process holding its inode, as ss
/// finds it under /proc/PID/fd (`user_ent_hash_build`); nothing for a
/// socket no process holds.
fn users(sys: &Sys, inode: u32) -> String {
    let owner = sys.net.ns(sys.ns).and_then(|n| n.socks.get(inode)).and_then(|s| s.owner.as_ref());
    match owner {
        Some(o) if inode != 0 => format!(" users:((\"{}\",pid={},fd={}))", o.name, o.pid, o.fd),
        _ => String::new(),
    }
}

/// What `-e` adds (`sock_details_print` and the shutdown arrows of
/// `inet_show_sock`): the inode, the cookie, the cgroup and which
/// directions are shut down. The machine has no cgroup2 hierarchy to
/// look the id up in (as the recorder's fresh mounts), so `cg_id_to_path`
/// says so on stderr, once a socket, and names the id `unreachable`.
fn details(e: &crate::sockdiag::Entry, out: &mut Output) -> String {
    let mut text = format!(" ino:{} sk:{:x}", e.inode, e.cookie);
    if let Some(id) = e.cgroup.filter(|c| *c != 0) {
        out.err("Failed to open cgroup2 mount\n");
        text.push_str(&format!(" cgroup:unreachable:{id:x}"));
    }
    if let Some(mask) = e.shutdown {
        text.push_str(&format!(" {}-{}", if mask & 1 != 0 { '-' } else { '<' }, if mask & 2 != 0 { '-' } else { '>' }));
    }
    text
}

/// `ss -s` (`print_summary`) from what /proc/net/sockstat, sockstat6 and
/// snmp give: the namespace's sockets, its hashed TCP and bound UDP
/// sockets by family, its TIME-WAIT ones and established connections
/// (`CurrEstab`: ESTABLISHED and CLOSE-WAIT); TCP sockets allocated and
/// orphaned are counted over the whole machine (the world), as the
/// kernel's counters are.
fn summary(sys: &Sys) -> String {
    use crate::stack::sock::Proto;
    let here: Vec<&crate::stack::sock::Sock> = sys.net.ns(sys.ns).map(|n| n.socks.socks.iter().collect()).unwrap_or_default();
    let machine: Vec<&crate::stack::sock::Sock> = sys.net.namespaces().flat_map(|n| n.socks.socks.iter()).collect();
    let is_tw = |s: &&crate::stack::sock::Sock| s.state == State::TimeWait;
    let request = |s: &&crate::stack::sock::Sock| s.state == State::SynRecv;
    let socks = here.iter().filter(|s| !is_tw(s) && !request(s) && !s.orphan).count();
    let tcp_total = machine.iter().filter(|s| s.proto == Proto::Tcp && !is_tw(s) && !request(s)).count();
    let orphans = machine.iter().filter(|s| s.proto == Proto::Tcp && s.orphan && !is_tw(s)).count();
    let tws = here.iter().filter(|s| s.proto == Proto::Tcp && is_tw(s)).count();
    let estab = here.iter().filter(|s| s.proto == Proto::Tcp && matches!(s.state, State::Established | State::CloseWait)).count();
    // The kernel's inuse counter: full sockets in a hash (listening or
    // connected, not only bound); a TIME-WAIT one is not a full socket.
    let hashed = |v6: bool| {
        here.iter()
            .filter(|s| s.proto == Proto::Tcp && s.local.is_ipv6() == v6 && !request(s) && !is_tw(s) && s.state != State::Close)
            .count()
    };
    let udp = |v6: bool| here.iter().filter(|s| s.proto == Proto::Udp && s.local.is_ipv6() == v6 && s.local.port() != 0).count();
    let (tcp4, tcp6, udp4, udp6) = (hashed(false), hashed(true), udp(false), udp(true));
    // ss's arithmetic, as it is: allocated minus (hashed minus TIME-WAIT).
    let closed = tcp_total as i64 - ((tcp4 + tcp6) as i64 - tws as i64);
    let mut t = format!("Total: {socks}\n");
    t.push_str(&format!("TCP:   {} (estab {estab}, closed {}, orphaned {orphans}, timewait {tws})\n\n", tcp_total + tws, closed));
    t.push_str("Transport Total     IP        IPv6\n");
    let row = |name: &str, a: usize, b: usize| format!("{name}\t  {:<9} {:<9} {:<9}\n", a + b, a, b);
    t.push_str(&row("RAW", 0, 0));
    t.push_str(&row("UDP", udp4, udp6));
    t.push_str(&row("TCP", tcp4, tcp6));
    t.push_str(&row("INET", udp4 + tcp4, udp6 + tcp6));
    t.push_str(&row("FRAG", 0, 0));
    t.push('\n');
    t
}

/// The port id ss's socket has.
const SS_PORT: u32 = 4242;

impl Program for Ss {
    fn step(&mut self, sys: &mut Sys, out: &mut Output) -> Step {
        if self.o.summary {
            out.out(&summary(sys));
            if self.o.summary_only {
                return Step::Done(0);
            }
        }
        // DCCP's dump is refused by a kernel without DCCP (inet_diag has no
        // handler: EINVAL), reported while the tables are gathered, before
        // anything is printed (`dccp_show`, `rtnl_dump_filter`).
        if self.o.every_table {
            out.err("RTNETLINK answers: Invalid argument\n");
        }
        // A Netid column when more than one table is asked for (unix is three).
        let netid = (self.o.tcp && self.o.udp) || self.o.unix;
        let mut rows: Vec<Vec<String>> = Vec::new();
        // ss shows UDP before TCP, each IPv4 then IPv6.
        for (udp, name) in [(true, "udp"), (false, "tcp")] {
            if (udp && !self.o.udp) || (!udp && !self.o.tcp) {
                continue;
            }
            for v6 in [false, true] {
                if (v6 && self.o.v4) || (!v6 && self.o.v6) {
                    continue;
                }
                for e in self.dump(sys, udp, v6) {
                    let port_of = |local: bool| if local { e.local.port() } else { e.remote.port() };
                    if !self.o.ports.iter().all(|(local, p)| port_of(*local) == *p) {
                        continue;
                    }
                    let (la, lp) = self.endpoint(e.local, udp, false);
                    let (ra, rp) = self.endpoint(e.remote, udp, true);
                    let mut process = if self.o.processes { users(sys, e.inode) } else { String::new() };
                    if self.o.details {
                        process.push_str(&details(&e, out));
                    }
                    if self.o.info && !udp {
                        // Its own line under the socket, in the Process field (`tcp_show_info`).
                        process.push_str("\n\t");
                        if let Some(i) = &e.info {
                            process.push_str(&info::text(i, self.o.numeric, self.o.details));
                        }
                    }
                    rows.push(vec![
                        name.to_string(),
                        state_name(e.state).to_string(),
                        format!("{:<6}", e.rqueue),
                        format!("{:<6}", e.wqueue),
                        la,
                        lp,
                        ra,
                        rp,
                        process,
                        String::new(),
                    ]);
                }
            }
        }
        let header =
            ["Netid", "State", "Recv-Q", "Send-Q", "Local Address:", "Port", "Peer Address:", "Port", "Process", ""].map(String::from);
        let has_rows = !rows.is_empty();
        let mut table = Vec::new();
        if !self.o.no_header {
            table.push(header.to_vec());
        }
        table.extend(rows);
        // One table, one state: those columns are left out (`columns[].disabled`).
        let shown = [netid, !self.o.states.is_power_of_two(), true, true, true, true, true, true, true, true];
        let table: Vec<Vec<String>> =
            table.into_iter().map(|r| r.into_iter().zip(shown).filter(|(_, on)| *on).map(|(c, _)| c).collect()).collect();
        out.out(&render(&table, &shown, out.terminal, has_rows));
        Step::Done(0)
    }

    fn stop(&mut self, _sys: &mut Sys) {}
}

/// Lays out rows as ss's `render` does; `shown` says which of the ten
/// columns (Netid, State, ...) the rows hold.
fn render(table: &[Vec<String>], shown: &[bool; 10], terminal: bool, has_rows: bool) -> String {
    // Column alignment (right?) and left delimiter.
    let all: [(bool, &str); 10] = [
        (false, ""),
        (false, " "),
        (false, " "),
        (false, " "),
        (true, " "),
        (false, ""),
        (true, " "),
        (false, ""),
        (false, ""),
        (false, ""),
    ];
    let cols: Vec<(bool, &str)> = all.iter().zip(shown).filter(|(_, on)| **on).map(|(c, _)| *c).collect();
    let n = cols.len();
    // A field's length counts once the next one starts (`field_flush`): the
    // last row's last field (Process) never does.
    let mut max_len = vec![0usize; n];
    for (r, row) in table.iter().enumerate() {
        for (i, cell) in row.iter().enumerate().take(n) {
            let unflushed = has_rows && r + 1 == table.len() && i + 2 >= n;
            if !unflushed {
                max_len[i] = max_len[i].max(cell.len());
            }
        }
    }
    let widths = calc_widths(&max_len, &cols, if terminal { Some(SCREEN_WIDTH) } else { None });
    let mut text = String::new();
    for row in table {
        for (i, cell) in row.iter().enumerate().take(n) {
            let mut printed = 0;
            if i > 0 {
                text.push_str(cols[i].1);
                printed = cols[i].1.len();
            }
            let w = widths[i];
            if cols[i].0 && w > cell.len() + printed {
                text.push_str(&" ".repeat(w - cell.len() - printed));
                printed = w - cell.len();
            }
            text.push_str(cell);
            printed += cell.len();
            if !cols[i].0 && w > printed {
                text.push_str(&" ".repeat(w - printed));
            }
        }
        text.push('\n');
    }
    text
}

/// Column widths as `render_calc_width` sets them: each column's longest
/// field plus its delimiter, then on a terminal the spare width of each
/// screen line spread over its columns, the remainder to the rightmost
/// ones; a column that would pass the screen's edge starts a new line.
fn calc_widths(max_len: &[usize], cols: &[(bool, &str)], screen: Option<usize>) -> Vec<usize> {
    let n = max_len.len();
    let mut w = vec![0usize; n];
    let mut first = true;
    for i in 0..n {
        w[i] = if !first && max_len[i] > 0 { max_len[i] + cols[i].1.len() } else { max_len[i] };
        if let Some(screen) = screen {
            w[i] = w[i].min(screen);
        }
        if w[i] > 0 {
            first = false;
        }
    }
    let Some(screen) = screen else { return w };
    // The first column of the current screen line, and what it holds so far.
    let (mut line_start, mut len, mut linecols) = (0usize, 0usize, 0usize);
    let mut c = 0usize;
    while c < n {
        if w[c] == 0 {
            c += 1;
            continue;
        }
        linecols += 1;
        len += w[c];
        let last = w[c + 1..].iter().all(|x| *x == 0);
        if !last && len < screen {
            c += 1;
            continue;
        }
        let mut end = c;
        if len > screen && linecols > 1 {
            // This column goes to the next line.
            len -= w[c];
            linecols -= 1;
            end = c - 1;
        }
        if len < screen {
            let pad = screen - len;
            let (spacing, mut rem) = (pad / linecols, pad % linecols);
            for x in w[line_start..=end].iter_mut().rev().filter(|x| **x > 0) {
                *x += spacing;
                if rem > 0 {
                    *x += 1;
                    rem -= 1;
                }
            }
        }
        line_start = end + 1;
        len = 0;
        linecols = 0;
        c = end + 1;
    }
    w
}
