//! `ss` as iproute2 6.1 prints it: TCP and UDP sockets of the namespace
//! with their states and queues, asked of the kernel over
//! NETLINK_SOCK_DIAG with the requests the real ss sends, filtered by
//! `-t -u -l -a -4 -6` and laid out in ss's columns (`render_calc_width`:
//! the widest entry of each column, the terminal's spare width spread
//! over the columns, from the right).

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
    numeric: bool,
    no_header: bool,
    v4: bool,
    v6: bool,
    /// The state bits asked for (`-a`, `-l`, `state`, `exclude`).
    states: u32,
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
            'l' => o.states = 1 << State::Listen as u32 | 1 << State::Close as u32,
            'a' => o.states = SS_ALL,
            'n' => o.numeric = true,
            'H' => o.no_header = true,
            '4' => o.v4 = true,
            '6' => o.v6 = true,
            _ => {}
        }
    }
    // `state NAME` and `exclude NAME` before any other filter words.
    let mut saw_states = false;
    let mut rest = words.iter();
    while let Some(w) = rest.next() {
        let exclude = match w.as_str() {
            "state" => false,
            "exclude" | "excl" => true,
            _ => break,
        };
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
    if o.states == 0 {
        // Each table asked for adds its default states (`filter_db_set`):
        // TCP the connected ones, UDP the connected (ESTABLISHED) ones.
        o.states = match (o.tcp, o.udp) {
            (false, true) => 1 << State::Established as u32,
            _ => SS_CONN,
        };
    }
    if !o.tcp && !o.udp {
        o.tcp = true;
    }
    Ok(Box::new(Ss { o }))
}

/// A run of `ss` (one step: it prints and ends).
pub struct Ss {
    o: Options,
}

/// The name getservbyport gives a port in Debian's /etc/services (netbase),
/// for the ports tutorials use; None for the rest. (`ss` skips the
/// ephemeral range, `nc -v` prints `*` for None.)
pub fn service(port: u16, udp: bool) -> Option<&'static str> {
    Some(match (port, udp) {
        (22, false) => "ssh",
        (53, _) => "domain",
        (80, false) => "http",
        (443, false) => "https",
        (5353, true) => "mdns",
        (7000, false) => "bbs",
        (7000, true) => "afs3-fileserver",
        (8080, false) => "http-alt",
        (8081, false) => "tproxy",
        _ => return None,
    })
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
            ip if a.is_ipv6() => format!("[{ip}]"),
            ip => ip.to_string(),
        };
        let port = if a.port() == 0 && (peer || a.ip().is_unspecified()) {
            "*".to_string()
        } else if self.o.numeric || (32768..=60999).contains(&a.port()) {
            a.port().to_string()
        } else {
            service(a.port(), udp).map_or(a.port().to_string(), str::to_string)
        };
        (format!("{host}:"), port)
    }

    /// Dumps one protocol and family over NETLINK_SOCK_DIAG, as
    /// `inet_show_netlink` does.
    fn dump(&self, sys: &Sys, udp: bool, v6: bool) -> Vec<crate::sockdiag::Entry> {
        let request = crate::sockdiag::dump_request(v6, udp, self.o.states);
        let replies = crate::sockdiag::answer(sys.net, sys.ns, SS_PORT, &request);
        replies
            .iter()
            .flat_map(|r| crate::wire::header::MessageIter::new(r).map_while(Result::ok).collect::<Vec<_>>())
            .filter(|m| m.header.kind == crate::sockdiag::SOCK_DIAG_BY_FAMILY)
            .filter_map(|m| crate::sockdiag::parse(m.payload))
            .collect()
    }
}

/// The port id ss's socket has.
const SS_PORT: u32 = 4242;

impl Program for Ss {
    fn step(&mut self, sys: &mut Sys, out: &mut Output) -> Step {
        let netid = self.o.tcp && self.o.udp;
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
                    let (la, lp) = self.endpoint(e.local, udp, false);
                    let (ra, rp) = self.endpoint(e.remote, udp, true);
                    rows.push(vec![
                        name.to_string(),
                        state_name(e.state).to_string(),
                        format!("{:<6}", e.rqueue),
                        format!("{:<6}", e.wqueue),
                        la,
                        lp,
                        ra,
                        rp,
                        String::new(),
                        String::new(),
                    ]);
                }
            }
        }
        let header =
            ["Netid", "State", "Recv-Q", "Send-Q", "Local Address:", "Port", "Peer Address:", "Port", "Process", ""].map(String::from);
        let mut table = Vec::new();
        if !self.o.no_header {
            table.push(header.to_vec());
        }
        table.extend(rows);
        // One table, one state: those columns are left out (`columns[].disabled`).
        let shown = [netid, !self.o.states.is_power_of_two(), true, true, true, true, true, true, true, true];
        let table: Vec<Vec<String>> =
            table.into_iter().map(|r| r.into_iter().zip(shown).filter(|(_, on)| *on).map(|(c, _)| c).collect()).collect();
        out.out(&render(&table, &shown, out.terminal));
        Step::Done(0)
    }

    fn stop(&mut self, _sys: &mut Sys) {}
}

/// Lays out rows as ss's `render` does; `shown` says which of the ten
/// columns (Netid, State, ...) the rows hold.
fn render(table: &[Vec<String>], shown: &[bool; 10], terminal: bool) -> String {
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
    let mut widths = vec![0usize; n];
    let mut first = true;
    for (i, w) in widths.iter_mut().enumerate() {
        let max = table.iter().filter_map(|r| r.get(i)).map(|c| c.len()).max().unwrap_or(0);
        *w = if !first && max > 0 { max + cols[i].1.len() } else { max };
        if *w > 0 {
            first = false;
        }
    }
    if terminal {
        spread(&mut widths, SCREEN_WIDTH);
    }
    let mut text = String::new();
    for row in table {
        let mut started = false;
        for (i, cell) in row.iter().enumerate().take(n) {
            if widths[i] == 0 && cell.is_empty() {
                continue;
            }
            let mut printed = 0;
            if started {
                text.push_str(cols[i].1);
                printed = cols[i].1.len();
            }
            started = true;
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

/// Spreads the spare screen width over the columns of each line, the
/// remainder to the rightmost ones (columns never wrap here).
fn spread(widths: &mut [usize], screen: usize) {
    let used: usize = widths.iter().sum();
    let cols = widths.iter().filter(|w| **w > 0).count();
    if cols == 0 || used >= screen {
        return;
    }
    let pad = screen - used;
    let (spacing, mut rem) = (pad / cols, pad % cols);
    for w in widths.iter_mut().rev().filter(|w| **w > 0) {
        *w += spacing;
        if rem > 0 {
            *w += 1;
            rem -= 1;
        }
    }
}
