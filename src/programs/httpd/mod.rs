//! `python3 -m http.server [PORT] [--bind ADDR]` (Python 3.11's
//! SimpleHTTPRequestHandler) serving an empty directory: the listing of
//! `/`, 404 for anything else, HTTP/1.0 with the connection closed after
//! each answer, and its request log on standard error.

use crate::output::Output;
use crate::sim::process::{Program, Step};
use crate::sim::socket::{Read, Sys};
use crate::stack::sock::Proto;
use std::net::{IpAddr, SocketAddr};

/// What the server announces in the `Server` header.
const SERVER: &str = "SimpleHTTP/0.6 Python/3.11.2";

/// The listing of an empty directory (`list_directory`).
const LISTING: &str = "<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Directory listing for /</title>\n</head>\n<body>\n<h1>Directory listing for /</h1>\n<hr>\n<ul>\n</ul>\n<hr>\n</body>\n</html>\n";

/// `DEFAULT_ERROR_MESSAGE` for 404.
const NOT_FOUND: &str = "<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 404</p>\n        <p>Message: File not found.</p>\n        <p>Error code explanation: 404 - Nothing matches the given URI.</p>\n    </body>\n</html>\n";

/// Parses the arguments into a program (Err: the status after a usage error).
pub fn spawn(args: &[String], out: &mut Output) -> Result<Box<dyn Program>, i32> {
    let usage = "usage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";
    if args.first().map(String::as_str) != Some("-m") || args.get(1).map(String::as_str) != Some("http.server") {
        out.err(usage);
        return Err(2);
    }
    let mut port = 8000;
    let mut bind: Option<IpAddr> = None;
    let mut it = args[2..].iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--bind" | "-b" => match it.next().and_then(|v| crate::text::parse_ip(v)) {
                Some(ip) => bind = Some(ip),
                None => {
                    out.err("usage: server.py [-h] [--cgi] [-b ADDRESS] [-d DIRECTORY] [-p VERSION] [port]\nserver.py: error: argument --bind/-b: expected one argument\n");
                    return Err(2);
                }
            },
            p => match crate::text::int::<u16>(p) {
                Some(n) => port = n,
                None => {
                    out.err(&format!("usage: server.py [-h] [--cgi] [-b ADDRESS] [-d DIRECTORY] [-p VERSION] [port]\nserver.py: error: argument port: invalid int value: '{p}'\n"));
                    return Err(2);
                }
            },
        }
    }
    Ok(Box::new(Server { port, bind, listener: None, clients: Vec::new() }))
}

/// A running server.
pub struct Server {
    port: u16,
    bind: Option<IpAddr>,
    listener: Option<u32>,
    clients: Vec<(u32, Vec<u8>)>,
}

/// The log's timestamp and the Date header for the virtual clock (the
/// machine boots on 1 Jan 2026, 00:00 UTC).
fn clock(now_us: u64) -> (String, String) {
    let s = now_us / 1_000_000;
    let (h, m, sec) = ((s / 3600) % 24, (s / 60) % 60, s % 60);
    (format!("01/Jan/2026 {h:02}:{m:02}:{sec:02}"), format!("Thu, 01 Jan 2026 {h:02}:{m:02}:{sec:02} GMT"))
}

impl Server {
    /// Answers one request (`SimpleHTTPRequestHandler.do_GET`/`do_HEAD`).
    fn answer(&self, sys: &mut Sys, out: &mut Output, sock: u32, request: &str) {
        let line = request.split("\r\n").next().unwrap_or("");
        let mut parts = line.split(' ');
        let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        let peer = sys.addrs(sock).map(|(_, r)| crate::text::ip_text(r.ip())).unwrap_or_default();
        let (stamp, date) = clock(sys.now_us);
        let head = method == "HEAD";
        let path_only = path.split(['?', '#']).next().unwrap_or("");
        let response = if path_only == "/" {
            out.err(&format!("{peer} - - [{stamp}] \"{line}\" 200 -\n"));
            let mut r = format!(
                "HTTP/1.0 200 OK\r\nServer: {SERVER}\r\nDate: {date}\r\nContent-type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
                LISTING.len()
            );
            if !head {
                r.push_str(LISTING);
            }
            r
        } else {
            out.err(&format!("{peer} - - [{stamp}] code 404, message File not found\n"));
            out.err(&format!("{peer} - - [{stamp}] \"{line}\" 404 -\n"));
            let mut r = format!(
                "HTTP/1.0 404 File not found\r\nServer: {SERVER}\r\nDate: {date}\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: {}\r\n\r\n",
                NOT_FOUND.len()
            );
            if !head {
                r.push_str(NOT_FOUND);
            }
            r
        };
        let _ = sys.send(sock, response.as_bytes());
        sys.close(sock);
    }
}

impl Program for Server {
    fn step(&mut self, sys: &mut Sys, out: &mut Output) -> Step {
        let Some(listener) = self.listener else {
            // _get_best_family takes the first of getaddrinfo(None, PORT,
            // AI_PASSIVE): `::` then `0.0.0.0`, sorted by glibc's
            // rfc3484_sort. It probes each with a UDP connect; one to
            // 0.0.0.0 goes to 127.0.0.1 from 127.0.0.1, which fails
            // (ENETUNREACH, __ip_dev_find) until lo has held 127.0.0.1,
            // that is until lo was first brought up. 0.0.0.0 then sorts
            // first: by rule 1 when `::` fails, by rule 5 (127.0.0.1's label
            // matches, ::1's does not match `::`'s) when it works. Without
            // it `::` stays first and the server is dual-stack.
            let loopback_v4 = u32::from(std::net::Ipv4Addr::LOCALHOST);
            let v4_usable = sys.net.ns(sys.ns).is_some_and(|n| n.links.values().any(|l| l.addrs4.iter().any(|a| a.local == loopback_v4)));
            let any = if v4_usable { IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED) } else { IpAddr::V6(std::net::Ipv6Addr::UNSPECIFIED) };
            let ip = self.bind.unwrap_or(any);
            let sock = match sys.socket(Proto::Tcp, ip.is_ipv6()) {
                Ok(s) => s,
                Err(_) => return Step::Done(1),
            };
            sys.set_owner(sock, "python3");
            if let Err(e) = sys.bind(sock, SocketAddr::new(ip, self.port)).and_then(|()| sys.listen(sock, 5)) {
                sys.close(sock);
                out.err(&format!("Traceback (most recent call last):\nOSError: [Errno {}] {}\n", e.0, e.message()));
                return Step::Done(1);
            }
            let (ip, shown) = (crate::text::Ip(ip), crate::text::host_text(ip));
            out.out(&format!("Serving HTTP on {ip} port {} (http://{shown}:{}/) ...\n", self.port, self.port));
            self.listener = Some(sock);
            return Step::Busy;
        };
        let mut busy = false;
        while let Some(conn) = sys.accept(listener) {
            self.clients.push((conn, Vec::new()));
            busy = true;
        }
        let mut i = 0;
        while i < self.clients.len() {
            let sock = self.clients[i].0;
            match sys.recv(sock) {
                Ok(Read::Data(d, _)) => {
                    self.clients[i].1.extend(d);
                    busy = true;
                }
                Ok(Read::WouldBlock) => {}
                Ok(Read::Eof) | Err(_) => {
                    sys.close(sock);
                    self.clients.remove(i);
                    continue;
                }
            }
            let text = String::from_utf8_lossy(&self.clients[i].1).into_owned();
            if text.contains("\r\n\r\n") {
                self.answer(sys, out, sock, &text);
                self.clients.remove(i);
                busy = true;
                continue;
            }
            i += 1;
        }
        if busy { Step::Busy } else { Step::Idle(None) }
    }

    fn stop(&mut self, sys: &mut Sys) {
        for (s, _) in self.clients.drain(..) {
            sys.close(s);
        }
        if let Some(l) = self.listener.take() {
            sys.close(l);
        }
    }
}
