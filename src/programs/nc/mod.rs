//! `nc` as netcat-openbsd 1.219 (Debian) runs it: a TCP or UDP client
//! (`-z` scans, `-v` reports, `-w` times out, `-N` shuts down after its
//! input) and a listener (`-l`, `-k` for more than one connection) that
//! prints what it receives.

use crate::errno::Errno;
use crate::output::Output;
use crate::sim::getopt::{GetoptError, getopt};
use crate::sim::process::{Program, Step};
use crate::sim::socket::{Read, Sys};
use crate::stack::sock::{Proto, State};
use std::net::{IpAddr, SocketAddr};

/// The options of one run.
#[derive(Debug, Clone, Default)]
struct Options {
    listen: bool,
    keep: bool,
    udp: bool,
    zero: bool,
    verbose: bool,
    shutdown: bool,
    numeric: bool,
    v6: Option<bool>,
    wait_us: Option<u64>,
    source: Option<IpAddr>,
    source_port: Option<u16>,
    host: Option<IpAddr>,
    port: u16,
    /// The ports still to try after `port` (`-z` over a range or a list).
    more_ports: Vec<u16>,
}

const USAGE: &str = "usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]
\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]
\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]
\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]
\t  [destination] [port]
";

fn parse(args: &[String], out: &mut Output) -> Result<Options, i32> {
    let (opts, operands) = match getopt(args, "IiMmOPpqsTVWwXx", "46CDdFhklNnrStUuvZz") {
        Ok(x) => x,
        Err(GetoptError::Invalid(c)) => {
            out.err(&format!("nc: invalid option -- '{c}'\n{USAGE}"));
            return Err(1);
        }
        Err(GetoptError::MissingValue(c)) => {
            out.err(&format!("nc: option requires an argument -- '{c}'\n{USAGE}"));
            return Err(1);
        }
    };
    let mut o = Options::default();
    for opt in opts {
        let v = opt.value.unwrap_or_default();
        match opt.letter {
            'l' => o.listen = true,
            'k' => o.keep = true,
            'u' => o.udp = true,
            'z' => o.zero = true,
            'v' => o.verbose = true,
            'N' => o.shutdown = true,
            'n' => o.numeric = true,
            '4' => o.v6 = Some(false),
            '6' => o.v6 = Some(true),
            'w' => match crate::text::int::<u64>(&v) {
                Some(n) if n <= 100_000_000 => o.wait_us = Some(n * 1_000_000),
                _ => {
                    out.err(&format!("nc: timeout {v}: invalid\n"));
                    return Err(1);
                }
            },
            's' => match crate::text::parse_ip(&v) {
                Some(a) => o.source = Some(a),
                None => {
                    out.err(&format!("nc: getaddrinfo for host \"{v}\" port (null): Name or service not known\n"));
                    return Err(1);
                }
            },
            'p' => match crate::text::int::<u16>(&v) {
                Some(p) if p > 0 => o.source_port = Some(p),
                _ => {
                    out.err(&format!("nc: port number invalid: {v}\n"));
                    return Err(1);
                }
            },
            _ => {}
        }
    }
    let port_word = match (o.listen, operands.as_slice()) {
        (true, [p]) => Some(p.clone()),
        (true, [h, p]) => {
            o.host = crate::text::parse_ip(h);
            Some(p.clone())
        }
        (true, []) if o.source_port.is_some() => None,
        (false, [h, p, more @ ..]) => {
            for word in std::iter::once(p).chain(more) {
                match port_list(word) {
                    Some(list) => o.more_ports.extend(list),
                    None => {
                        out.err(&format!("nc: port number invalid: {word}\n"));
                        return Err(1);
                    }
                }
            }
            match crate::text::parse_ip(h) {
                Some(a) => o.host = Some(a),
                None => {
                    out.err(&format!("nc: getaddrinfo for host \"{h}\" port {p}: Name or service not known\n"));
                    return Err(1);
                }
            }
            Some(p.clone())
        }
        _ => {
            out.err(USAGE);
            return Err(1);
        }
    };
    // remote_connect's getaddrinfo with -4/-6 as ai_family: an address
    // literal of the other family is EAI_ADDRFAMILY, for the first port.
    if let (false, Some(v6), Some(host), [h, ..]) = (o.listen, o.v6, o.host, operands.as_slice()) {
        if host.is_ipv6() != v6 {
            let first = o.more_ports.first().copied().unwrap_or(0);
            out.err(&format!("nc: getaddrinfo for host \"{h}\" port {first}: Address family for hostname not supported\n"));
            return Err(1);
        }
    }
    if !o.more_ports.is_empty() {
        o.port = o.more_ports.remove(0);
        return Ok(o);
    }
    o.port = match port_word {
        None => o.source_port.unwrap_or(0),
        Some(p) => match crate::text::int::<u16>(&p) {
            Some(n) if n > 0 => n,
            _ => {
                out.err(&format!("nc: port number invalid: {p}\n"));
                return Err(1);
            }
        },
    };
    Ok(o)
}

/// The ports of one operand: `N` or a range `LO-HI` (`build_ports`).
fn port_list(word: &str) -> Option<Vec<u16>> {
    let (lo, hi) = match word.split_once('-') {
        Some((a, b)) => (crate::text::int::<u16>(a)?, crate::text::int::<u16>(b)?),
        None => {
            let p = crate::text::int::<u16>(word)?;
            (p, p)
        }
    };
    let (lo, hi) = (lo.min(hi), lo.max(hi));
    (lo > 0).then(|| (lo..=hi).collect())
}

/// Where a run is.
enum Phase {
    Start,
    Connecting { sock: u32, deadline: Option<u64> },
    UdpTest { sock: u32, probes_left: u64, next_at: u64 },
    Connected { sock: u32, idle_since: u64 },
    Listening { sock: u32 },
    Done,
}

/// A running `nc`.
pub struct Nc {
    o: Options,
    stdin: Vec<u8>,
    phase: Phase,
    keep_listener: Option<u32>,
    /// Whether a port of a scan answered (nc then exits 0).
    any_ok: bool,
}

/// Parses the arguments into a program (Err: the status after a usage
/// error). `stdin` None: standard input is the terminal.
pub fn spawn(args: &[String], stdin: Option<&[u8]>, out: &mut Output) -> Result<Box<dyn Program>, i32> {
    let o = parse(args, out)?;
    Ok(Box::new(Nc { o, stdin: stdin.unwrap_or_default().to_vec(), phase: Phase::Start, keep_listener: None, any_ok: false }))
}

impl Nc {
    fn fail_connect(&mut self, out: &mut Output, how: &str, e: Errno) -> Step {
        if self.o.verbose {
            let host = self.o.host.map(crate::text::ip_text).unwrap_or_default();
            let proto = if self.o.udp { "udp" } else { "tcp" };
            out.err(&format!("nc: connect to {host} port {} ({proto}) {how}: {}\n", self.o.port, e.message()));
        }
        self.next_port()
    }

    /// On to the next port of a scan, or the end (0 when one answered).
    fn next_port(&mut self) -> Step {
        if self.o.more_ports.is_empty() {
            self.phase = Phase::Done;
            return Step::Done(if self.any_ok { 0 } else { 1 });
        }
        self.o.port = self.o.more_ports.remove(0);
        self.phase = Phase::Start;
        Step::Busy
    }

    /// report_sock: the address by name unless -n; the namespace has no
    /// resolver, so the lookup fails as getnameinfo does without DNS.
    fn report(&self, out: &mut Output, what: &str, addr: SocketAddr) {
        if self.o.numeric {
            out.err(&format!("{what} on {} {}\n", crate::text::Ip(addr.ip()), addr.port()));
        } else {
            out.err("nc: getnameinfo: Temporary failure in name resolution\n");
        }
    }

    fn succeeded(&self, out: &mut Output) {
        if self.o.verbose {
            let host = self.o.host.map(crate::text::ip_text).unwrap_or_default();
            let proto = if self.o.udp { "udp" } else { "tcp" };
            let name = if self.o.numeric { None } else { crate::programs::services::name(self.o.port, self.o.udp) };
            out.err(&format!("Connection to {host} {} port [{proto}/{}] succeeded!\n", self.o.port, name.unwrap_or("*")));
        }
    }

    fn start(&mut self, sys: &mut Sys, out: &mut Output) -> Step {
        let v6 = self.o.v6.unwrap_or(self.o.host.or(self.o.source).is_some_and(|a| a.is_ipv6()));
        let proto = if self.o.udp { Proto::Udp } else { Proto::Tcp };
        let sock = match sys.socket(proto, v6) {
            Ok(s) => s,
            Err(e) => {
                out.err(&format!("nc: socket: {}\n", e.message()));
                return Step::Done(1);
            }
        };
        sys.set_owner(sock, "nc");
        let any = crate::sim::packet::unspecified(v6);
        if self.o.listen {
            let addr = SocketAddr::new(self.o.host.or(self.o.source).unwrap_or(any), self.o.port);
            // local_listen: SO_REUSEADDR and SO_REUSEPORT before bind, so
            // listeners of two nc share a port.
            sys.set_reuse(sock, true, true);
            if let Err(e) = sys.bind(sock, addr) {
                out.err(&format!("nc: {}\n", e.message()));
                sys.close(sock);
                return Step::Done(1);
            }
            if !self.o.udp {
                let _ = sys.listen(sock, 1);
            }
            if self.o.verbose {
                self.report(out, if self.o.udp { "Bound" } else { "Listening" }, addr);
            }
            self.phase = Phase::Listening { sock };
            return Step::Busy;
        }
        if self.o.source.is_some() || self.o.source_port.is_some() {
            if let Err(e) = sys.bind(sock, SocketAddr::new(self.o.source.unwrap_or(any), self.o.source_port.unwrap_or(0))) {
                out.err(&format!("nc: bind failed: {}\n", e.message()));
                return Step::Done(1);
            }
        }
        let Some(host) = self.o.host else { return Step::Done(1) };
        let dst = SocketAddr::new(host, self.o.port);
        if self.o.udp {
            if let Err(e) = sys.connect_udp(sock, dst) {
                sys.close(sock);
                return self.fail_connect(out, "failed", e);
            }
            if self.o.verbose {
                // udptest (Debian's nc runs it only with -v, to report the
                // connection): two probes at once, then one a second for -w.
                for _ in 0..2 {
                    if sys.send_udp(sock, b"X") == Err(Errno::ECONNREFUSED) {
                        sys.close(sock);
                        return Step::Done(1);
                    }
                }
                let probes = self.o.wait_us.map_or(3, |w| w / 1_000_000);
                self.phase = Phase::UdpTest { sock, probes_left: probes, next_at: sys.now_us + 1_000_000 };
                return Step::Busy;
            }
            return self.connected(sys, out, sock);
        }
        match sys.connect(sock, dst) {
            Err(e) => {
                sys.close(sock);
                self.fail_connect(out, "failed", e)
            }
            Ok(()) => {
                self.phase = Phase::Connecting { sock, deadline: self.o.wait_us.map(|w| sys.now_us + w) };
                Step::Busy
            }
        }
    }

    /// The connection is up: report, scan-only ends, otherwise send input.
    fn connected(&mut self, sys: &mut Sys, out: &mut Output, sock: u32) -> Step {
        self.succeeded(out);
        if self.o.zero {
            sys.close(sock);
            self.any_ok = true;
            return self.next_port();
        }
        let input = std::mem::take(&mut self.stdin);
        if !input.is_empty() {
            let _ = if self.o.udp { sys.send_udp(sock, &input) } else { sys.send(sock, &input) };
        }
        if self.o.shutdown && !self.o.udp {
            let _ = sys.shutdown_write(sock);
        }
        self.phase = Phase::Connected { sock, idle_since: sys.now_us };
        Step::Busy
    }

    /// Prints what arrived; Some(step) when the connection ended.
    fn pump(&mut self, sys: &mut Sys, out: &mut Output, sock: u32) -> Option<Step> {
        let mut busy = false;
        loop {
            match sys.recv(sock) {
                Ok(Read::Data(d, from)) => {
                    if self.o.udp && self.o.listen && sys.state(sock) == Some(State::Close) {
                        // The first datagram connects a UDP listener to its sender.
                        let _ = sys.connect_udp(sock, from);
                    }
                    out.out(&String::from_utf8_lossy(&d));
                    busy = true;
                }
                Ok(Read::Eof) | Err(_) if !self.o.udp => return Some(Step::Done(0)),
                Ok(Read::Eof) | Err(_) | Ok(Read::WouldBlock) => break,
            }
        }
        busy.then_some(Step::Busy)
    }
}

impl Program for Nc {
    fn step(&mut self, sys: &mut Sys, out: &mut Output) -> Step {
        match self.phase {
            Phase::Start => self.start(sys, out),
            Phase::Done => Step::Done(0),
            Phase::Connecting { sock, deadline } => {
                if sys.state(sock) == Some(State::Established) {
                    return self.connected(sys, out, sock);
                }
                if let Some(e) = sys.take_error(sock) {
                    sys.close(sock);
                    return self.fail_connect(out, "failed", e);
                }
                match deadline {
                    Some(d) if sys.now_us >= d => {
                        sys.close(sock);
                        self.fail_connect(out, "timed out", Errno::EINPROGRESS)
                    }
                    _ => Step::Idle(min(deadline, sys.error_at(sock))),
                }
            }
            Phase::UdpTest { sock, probes_left, next_at } => {
                if probes_left == 0 {
                    return self.connected(sys, out, sock);
                }
                if sys.now_us < next_at {
                    return Step::Idle(Some(next_at));
                }
                if sys.send_udp(sock, b"X") == Err(Errno::ECONNREFUSED) {
                    sys.close(sock);
                    return Step::Done(1);
                }
                self.phase = Phase::UdpTest { sock, probes_left: probes_left - 1, next_at: next_at + 1_000_000 };
                Step::Busy
            }
            Phase::Connected { sock, idle_since } => {
                if let Some(step) = self.pump(sys, out, sock) {
                    if let Step::Done(_) = step {
                        sys.close(sock);
                        self.phase = Phase::Done;
                        if let Some(l) = self.keep_listener.take() {
                            if self.o.keep {
                                self.phase = Phase::Listening { sock: l };
                                return Step::Busy;
                            }
                            sys.close(l);
                        }
                    } else {
                        self.phase = Phase::Connected { sock, idle_since: sys.now_us };
                    }
                    return step;
                }
                match self.o.wait_us {
                    Some(w) if sys.now_us >= idle_since + w => {
                        sys.close(sock);
                        Step::Done(0)
                    }
                    Some(w) => Step::Idle(Some(idle_since + w)),
                    None => Step::Idle(None),
                }
            }
            Phase::Listening { sock } if self.o.udp => {
                let _ = self.pump(sys, out, sock);
                Step::Idle(None)
            }
            Phase::Listening { sock } => match sys.accept(sock) {
                Some(conn) => {
                    if self.o.verbose {
                        let peer = sys.addrs(conn).map(|(_, r)| r);
                        self.report(
                            out,
                            "Connection received",
                            peer.unwrap_or(SocketAddr::new(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED), 0)),
                        );
                    }
                    // The listening socket stays open (without -k it accepts
                    // no more, but a connection can still queue on it: ss
                    // shows LISTEN with Recv-Q 1) until nc exits.
                    self.phase = Phase::Connected { sock: conn, idle_since: sys.now_us };
                    self.keep_listener = Some(sock);
                    Step::Busy
                }
                None => Step::Idle(None),
            },
        }
    }

    fn stop(&mut self, sys: &mut Sys) {
        match self.phase {
            Phase::Connecting { sock, .. } | Phase::UdpTest { sock, .. } | Phase::Connected { sock, .. } | Phase::Listening { sock } => {
                sys.close(sock)
            }
            Phase::Start | Phase::Done => {}
        }
        if let Some(l) = self.keep_listener.take() {
            sys.close(l);
        }
        self.phase = Phase::Done;
    }
}

fn min(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    }
}
