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
    listening: bool,
    all: bool,
    numeric: bool,
    no_header: bool,
    v4: bool,
    v6: bool,
}

/// Parses the arguments into a program (Err: the status after a usage error).
pub fn spawn(args: &[String], out: &mut Output) -> Result<Box<dyn Program>, i32> {
    let (opts, _filter) = match getopt(args, "fFAD", "tulanH46epimosrxw0SZ") {
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
            'l' => o.listening = true,
            'a' => o.all = true,
            'n' => o.numeric = true,
            'H' => o.no_header = true,
            '4' => o.v4 = true,
            '6' => o.v6 = true,
            _ => {}
        }
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

/// Every TCP state bit (and bit 0) as ss sends them for `-a`.
const ALL_STATES: u32 = 0xfff;

impl Ss {
    /// The states asked of the kernel: `-a` all, `-l` the listening ones
    /// (UNCONN for UDP), else `SS_CONN` (not LISTEN, UNCONN, TIME-WAIT or
    /// SYN-RECV).
    fn states(&self, udp: bool) -> u32 {
        let listen = if udp { 1 << State::Close as u32 } else { 1 << State::Listen as u32 };
        if self.o.all {
            ALL_STATES
        } else if self.o.listening {
            listen
        } else {
            ALL_STATES & !(1 << State::Listen as u32 | 1 << State::Close as u32 | 1 << State::TimeWait as u32 | 1 << State::SynRecv as u32)
        }
    }

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
        let request = crate::sockdiag::dump_request(v6, udp, self.states(udp));
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
                    let mut row = Vec::new();
                    if netid {
                        row.push(name.to_string());
                    }
                    row.extend([
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
                    rows.push(row);
                }
            }
        }
        let mut header: Vec<String> = Vec::new();
        if netid {
            header.push("Netid".into());
        }
        header.extend(["State", "Recv-Q", "Send-Q", "Local Address:", "Port", "Peer Address:", "Port", "Process", ""].map(String::from));
        let mut table = Vec::new();
        if !self.o.no_header {
            table.push(header);
        }
        table.extend(rows);
        out.out(&render(&table, netid, out.terminal));
        Step::Done(0)
    }

    fn stop(&mut self, _sys: &mut Sys) {}
}

/// Lays out rows as ss's `render` does.
fn render(table: &[Vec<String>], netid: bool, terminal: bool) -> String {
    // Column alignment and left delimiter, for the columns shown.
    let mut cols: Vec<(bool, &str)> = vec![
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
    if !netid {
        cols.remove(0);
    }
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
