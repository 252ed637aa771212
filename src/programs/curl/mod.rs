//! `curl` 7.88 over the simulated sockets: an HTTP/1.1 GET or HEAD (`-I`)
//! to an address literal, with `-s -S -v -o /dev/null -w '%{http_code}'
//! -m`, and its failures as curl words them (`(7) Failed to connect`,
//! `(28) Connection timed out`).

use crate::output::Output;
use crate::sim::getopt::{GetoptError, getopt};
use crate::sim::process::{Program, Step};
use crate::sim::socket::{Read, Sys};
use crate::stack::sock::{Proto, State};
use std::net::{IpAddr, SocketAddr};

mod writeout;

#[derive(Debug, Clone, Default)]
struct Options {
    silent: bool,
    show_error: bool,
    verbose: bool,
    head: bool,
    include: bool,
    discard: bool,
    write_out: Option<String>,
    max_time_us: Option<u64>,
    connect_timeout_us: Option<u64>,
    host: String,
    addr: Option<IpAddr>,
    port: u16,
    /// Whether the URL named the port.
    port_given: bool,
    path: String,
}

/// The request line's target and the Host header of a URL.
fn parse_url(url: &str, o: &mut Options) -> bool {
    let rest = url.strip_prefix("http://").unwrap_or(url);
    let (hostport, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let (host, port) = if let Some(h) = hostport.strip_prefix('[') {
        match h.split_once(']') {
            Some((a, p)) => (a, p.strip_prefix(':')),
            None => return false,
        }
    } else {
        match hostport.rsplit_once(':') {
            Some((a, p)) if !a.contains(':') => (a, Some(p)),
            _ => (hostport, None),
        }
    };
    o.port_given = port.is_some();
    o.port = match port {
        None => 80,
        Some(p) => match crate::text::int::<u16>(p) {
            Some(n) => n,
            None => return false,
        },
    };
    o.addr = crate::text::parse_ip(host);
    o.host = host.to_string();
    o.path = path.to_string();
    true
}

/// Parses the arguments into a program (Err: the status after a usage error).
pub fn spawn(args: &[String], out: &mut Output) -> Result<Box<dyn Program>, i32> {
    let mut words: Vec<String> = Vec::new();
    for a in args {
        match a.as_str() {
            "--silent" => words.push("-s".into()),
            "--show-error" => words.push("-S".into()),
            "--verbose" => words.push("-v".into()),
            "--head" => words.push("-I".into()),
            "--max-time" => words.push("-m".into()),
            "--include" => words.push("-i".into()),
            // A long option with no short form: a letter getopt passes on.
            "--connect-timeout" => words.push("-\u{1}".into()),
            _ => words.push(a.clone()),
        }
    }
    let (opts, operands) = match getopt(&words, "owm\u{1}", "sSvIif46") {
        Ok(x) => x,
        Err(GetoptError::Invalid(c)) => {
            out.err(&format!("curl: option -{c}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n"));
            return Err(2);
        }
        Err(GetoptError::MissingValue(c)) => {
            out.err(&format!("curl: option -{c}: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n"));
            return Err(2);
        }
    };
    let mut o = Options::default();
    for opt in opts {
        let v = opt.value.unwrap_or_default();
        match opt.letter {
            's' => o.silent = true,
            'S' => o.show_error = true,
            'v' => o.verbose = true,
            'I' => o.head = true,
            'o' => o.discard = v == "/dev/null",
            'w' => o.write_out = Some(v),
            'm' | '\u{1}' => match crate::decimal::parse(&v) {
                Some(d) if !d.neg => {
                    let us = Some(d.times(1_000_000).round() as u64);
                    if opt.letter == 'm' { o.max_time_us = us } else { o.connect_timeout_us = us }
                }
                _ => {
                    let name = if opt.letter == 'm' { "-m" } else { "--connect-timeout" };
                    out.err(&format!("curl: option {name}: expected a proper numerical parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n"));
                    return Err(2);
                }
            },
            'i' => o.include = true,
            _ => {}
        }
    }
    let Some(url) = operands.first() else {
        out.err("curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
        return Err(2);
    };
    if !parse_url(url, &mut o) {
        out.err("curl: (3) URL using bad/illegal format or missing URL\n");
        return Err(3);
    }
    let info = writeout::Info {
        url: o.effective_url(),
        method: if o.head { "HEAD" } else { "GET" },
        http_version: "0",
        ..writeout::Info::default()
    };
    Ok(Box::new(Curl { o, phase: Phase::Start, started_us: 0, now_us: 0, response: Vec::new(), code: 0, info }))
}

enum Phase {
    Start,
    Connecting(u32),
    Receiving(u32),
    Done,
}

/// A running `curl`.
pub struct Curl {
    o: Options,
    phase: Phase,
    started_us: u64,
    /// The time of the current step, µs.
    now_us: u64,
    response: Vec<u8>,
    code: u16,
    /// What the write-out variables show.
    info: writeout::Info,
}

impl Curl {
    fn show_errors(&self) -> bool {
        !self.o.silent || self.o.show_error
    }

    /// Ends with curl's error `code` and message.
    fn fail(&mut self, out: &mut Output, code: i32, msg: &str) -> Step {
        if self.o.verbose {
            out.err(&format!("* {msg}\n* Closing connection 0\n"));
        }
        if self.show_errors() {
            out.err(&format!("curl: ({code}) {msg}\n"));
        }
        self.info.exit = code;
        self.info.error = msg.to_string();
        self.write_out(out);
        self.phase = Phase::Done;
        Step::Done(code)
    }

    fn write_out(&mut self, out: &mut Output) {
        let Some(fmt) = &self.o.write_out else { return };
        self.info.code = self.code;
        self.info.total_us = self.now_us.saturating_sub(self.started_us);
        let (text, complaints) = writeout::render(fmt, &self.info);
        out.err(&complaints);
        out.out(&text);
    }

    /// A connect that failed: `immediate` when connect() itself returned the
    /// error (no route: cf-socket.c's socket_connect_result says "Immediate
    /// connect fail"), otherwise the error came later, from the handshake.
    fn connect_failed(&mut self, sys: &Sys, out: &mut Output, why: Option<crate::errno::Errno>, immediate: bool) -> Step {
        match (self.o.verbose, why) {
            (true, Some(e)) if immediate => out.err(&format!("* Immediate connect fail for {}: {}\n", self.o.host_name(), e.message())),
            (true, Some(e)) => out.err(&format!("* connect to {} port {} failed: {}\n", self.o.host_name(), self.o.port, e.message())),
            _ => {}
        }
        let ms = (sys.now_us - self.started_us) / 1000;
        let msg = format!("Failed to connect to {} port {} after {ms} ms: Couldn't connect to server", self.o.host_name(), self.o.port);
        self.fail(out, 7, &msg)
    }

    fn request(&self) -> String {
        let method = if self.o.head { "HEAD" } else { "GET" };
        format!("{method} {} HTTP/1.1\r\nHost: {}\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n", self.o.path, self.o.host_header())
    }

    /// Prints the response once the server closed the connection.
    fn finish(&mut self, out: &mut Output) -> Step {
        let text = String::from_utf8_lossy(&self.response).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((text.as_str(), ""));
        let mut lines = head.split("\r\n");
        let status = lines.next().unwrap_or("");
        self.code = status.split(' ').nth(1).and_then(crate::text::int::<u16>).unwrap_or(0);
        self.info.header_size = if text.contains("\r\n\r\n") { head.len() + 4 } else { head.len() };
        self.info.download = if self.o.head { 0 } else { body.len() };
        self.info.http_version = match status.split(' ').next() {
            Some("HTTP/1.0") => "1",
            Some("HTTP/1.1") => "1.1",
            _ => "0",
        };
        let content_type = lines.clone().find_map(|l| l.split_once(':').filter(|(n, _)| n.eq_ignore_ascii_case("content-type")));
        self.info.content_type = content_type.map_or(String::new(), |(_, v)| v.trim().to_string());
        if self.o.verbose {
            if status.starts_with("HTTP/1.0") {
                out.err("* HTTP 1.0, assume close after body\n");
            }
            out.err(&format!("< {status}\r\n"));
            for l in lines.clone() {
                out.err(&format!("< {l}\r\n"));
            }
            out.err("< \r\n");
            if self.o.discard && !body.is_empty() {
                out.err(&format!("{{ [{} bytes data]\n", body.len()));
            }
        }
        if (self.o.head || self.o.include) && !self.o.discard {
            out.out(&format!("{status}\r\n"));
            for l in lines {
                match l.split_once(':') {
                    Some((name, value)) if out.terminal => out.out(&format!("\x1b[1m{name}\x1b[0m:{value}\r\n")),
                    _ => out.out(&format!("{l}\r\n")),
                }
            }
            out.out("\r\n");
        }
        if !self.o.discard && !self.o.head {
            out.out(body);
        }
        if self.o.verbose {
            out.err("* Closing connection 0\n");
        }
        self.write_out(out);
        self.phase = Phase::Done;
        Step::Done(0)
    }
}

impl Options {
    /// The Host header: an IPv6 address in brackets, and the port unless
    /// it is HTTP's own 80 (http.c, "if HTTP on port 80 then don't include
    /// the port number in the host string"), even when the URL gave it.
    fn host_header(&self) -> String {
        let host = if self.host.contains(':') { format!("[{}]", self.host) } else { self.host.clone() };
        if self.port == 80 { host } else { format!("{host}:{}", self.port) }
    }

    /// The URL as curl 7.88 shows it (`url_effective`): the scheme, the
    /// host, the port when the URL named it, and at least "/".
    fn effective_url(&self) -> String {
        let host = if self.host.contains(':') { format!("[{}]", self.host) } else { self.host.clone() };
        let port = if self.port_given { format!(":{}", self.port) } else { String::new() };
        format!("http://{host}{port}{}", self.path)
    }

    fn host_name(&self) -> String {
        self.addr.map_or(self.host.clone(), crate::text::ip_text)
    }
}

impl Program for Curl {
    fn step(&mut self, sys: &mut Sys, out: &mut Output) -> Step {
        self.now_us = sys.now_us;
        let deadline = self.o.max_time_us.map(|m| self.started_us + m);
        if let Some(d) = deadline {
            if sys.now_us >= d && !matches!(self.phase, Phase::Done | Phase::Start) {
                let ms = (sys.now_us - self.started_us) / 1000;
                let msg = match self.phase {
                    Phase::Connecting(_) => format!("Connection timed out after {ms} milliseconds"),
                    _ => format!("Operation timed out after {ms} milliseconds with {} bytes received", self.response.len()),
                };
                self.stop(sys);
                return self.fail(out, 28, &msg);
            }
        }
        match self.phase {
            Phase::Done => Step::Done(0),
            Phase::Start => {
                self.started_us = sys.now_us;
                let Some(ip) = self.o.addr else {
                    return self.fail(out, 6, &format!("Could not resolve host: {}", self.o.host));
                };
                let dst = SocketAddr::new(ip, self.o.port);
                if self.o.verbose {
                    let shown = crate::text::sock_text(dst);
                    out.err(&format!("*   Trying {shown}...\n"));
                }
                let Ok(sock) = sys.socket(Proto::Tcp, ip.is_ipv6()) else { return self.fail(out, 7, "socket failed") };
                sys.set_owner(sock, "curl");
                if let Err(e) = sys.connect(sock, dst) {
                    sys.close(sock);
                    return self.connect_failed(sys, out, Some(e), true);
                }
                self.phase = Phase::Connecting(sock);
                Step::Busy
            }
            Phase::Connecting(sock) => {
                if sys.state(sock) == Some(State::Established) {
                    if self.o.verbose {
                        let ip = self.o.host_name();
                        out.err(&format!("* Connected to {ip} ({ip}) port {} (#0)\n", self.o.port));
                        for l in self.request().split("\r\n").take_while(|l| !l.is_empty()) {
                            out.err(&format!("> {l}\r\n"));
                        }
                        out.err("> \r\n");
                    }
                    let req = self.request();
                    self.info.conn = sys.addrs(sock);
                    self.info.request_size = req.len();
                    let _ = sys.send(sock, req.as_bytes());
                    self.phase = Phase::Receiving(sock);
                    return Step::Busy;
                }
                let error = sys.take_error(sock);
                if error.is_some() || (sys.error_at(sock).is_none() && sys.state(sock) == Some(State::Close)) {
                    sys.close(sock);
                    return self.connect_failed(sys, out, Some(error.unwrap_or(crate::errno::Errno::ECONNREFUSED)), false);
                }
                let connect_deadline = self.o.connect_timeout_us.map(|c| self.started_us + c);
                if let Some(d) = connect_deadline.filter(|d| sys.now_us >= *d) {
                    sys.close(sock);
                    if self.o.verbose {
                        // baller_connect: the one attempt's time (the
                        // connect timeout) ran out before the overall check.
                        let family = if self.o.host_name().contains(':') { "ipv6" } else { "ipv4" };
                        out.err(&format!("* {family} connect timeout after {}ms, move on!\n", (d - self.started_us) / 1000));
                    }
                    let ms = (d - self.started_us) / 1000;
                    let msg =
                        format!("Failed to connect to {} port {} after {ms} ms: Timeout was reached", self.o.host_name(), self.o.port);
                    self.phase = Phase::Done;
                    return self.fail(out, 28, &msg);
                }
                Step::Idle(min(min(deadline, connect_deadline), sys.error_at(sock)))
            }
            Phase::Receiving(sock) => loop {
                match sys.recv(sock) {
                    Ok(Read::Data(d, _)) => self.response.extend(d),
                    Ok(Read::WouldBlock) => return Step::Idle(deadline),
                    Ok(Read::Eof) | Err(_) => {
                        sys.close(sock);
                        return self.finish(out);
                    }
                }
            },
        }
    }

    fn stop(&mut self, sys: &mut Sys) {
        if let Phase::Connecting(s) | Phase::Receiving(s) = self.phase {
            sys.close(s);
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
