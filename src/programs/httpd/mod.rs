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

/// What Debian's Python 3.11.2 prints when `python3 -m http.server`'s
/// bind fails (DualStackServer.server_bind, through HTTPServer's and
/// TCPServer's), before the `OSError` line.
const BIND_TRACEBACK: &str = "Traceback (most recent call last):
  File \"<frozen runpy>\", line 198, in _run_module_as_main
  File \"<frozen runpy>\", line 88, in _run_code
  File \"/usr/lib/python3.11/http/server.py\", line 1309, in <module>
    test(
  File \"/usr/lib/python3.11/http/server.py\", line 1256, in test
    with ServerClass(addr, HandlerClass) as httpd:
         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File \"/usr/lib/python3.11/socketserver.py\", line 456, in __init__
    self.server_bind()
  File \"/usr/lib/python3.11/http/server.py\", line 1303, in server_bind
    return super().server_bind()
           ^^^^^^^^^^^^^^^^^^^^^
  File \"/usr/lib/python3.11/http/server.py\", line 136, in server_bind
    socketserver.TCPServer.server_bind(self)
  File \"/usr/lib/python3.11/socketserver.py\", line 472, in server_bind
    self.socket.bind(self.server_address)
";

/// The listing of an empty directory (`list_directory`).
const LISTING: &str = "<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Directory listing for /</title>\n</head>\n<body>\n<h1>Directory listing for /</h1>\n<hr>\n<ul>\n</ul>\n<hr>\n</body>\n</html>\n";

/// `DEFAULT_ERROR_MESSAGE` with its code, message and explanation.
fn error_page(code: u16, message: &str, explain: &str) -> String {
    let (message, explain) = (html_escape(message), html_escape(explain));
    format!(
        "<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: {code}</p>\n        <p>Message: {message}.</p>\n        <p>Error code explanation: {code} - {explain}.</p>\n    </body>\n</html>\n"
    )
}

/// `html.escape(s, quote=False)`.
fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Python's `repr` of a str: single quotes unless it holds one and no
/// double quote; backslashes and control characters escaped.
fn py_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::from(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// A refused request line: the status code, its message, the
/// explanation, and whether the request was HTTP/0.9.
type RequestError = (u16, String, &'static str, bool);

/// What `parse_request` makes of a request line: the method, path and
/// whether it is HTTP/0.9 (no headers in the answer), or the error
/// `send_error` answers with (code, message, explanation).
fn parse_request_line(line: &str) -> Result<(String, String, bool), RequestError> {
    const BAD: &str = "Bad request syntax or unsupported method";
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() >= 3 {
        let version = words[words.len() - 1];
        let number = version.strip_prefix("HTTP/").map(|v| v.split('.').collect::<Vec<_>>());
        let parsed =
            number.filter(|n| n.len() == 2 && n.iter().all(|c| !c.is_empty() && c.len() <= 10 && c.bytes().all(|b| b.is_ascii_digit())));
        let Some(n) = parsed else { return Err((400, format!("Bad request version ({})", py_repr(version)), BAD, true)) };
        if n[0].parse::<u32>().unwrap_or(0) >= 2 {
            let base = version.trim_start_matches("HTTP/");
            return Err((505, format!("Invalid HTTP version ({base})"), "Cannot fulfill request", true));
        }
    }
    // From here the version is the request's when it named one.
    let v09 = words.len() < 3;
    if !(2..=3).contains(&words.len()) {
        return Err((400, format!("Bad request syntax ({})", py_repr(line)), BAD, v09));
    }
    let (method, path) = (words[0], words[1]);
    if words.len() == 2 && method != "GET" {
        return Err((400, format!("Bad HTTP/0.9 request type ({})", py_repr(method)), BAD, v09));
    }
    if method != "GET" && method != "HEAD" {
        return Err((501, format!("Unsupported method ({})", py_repr(method)), "Server does not support this operation", v09));
    }
    Ok((method.to_string(), path.to_string(), words.len() == 2))
}

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
    /// Answers one request (`BaseHTTPRequestHandler.handle_one_request`:
    /// `parse_request`, then `SimpleHTTPRequestHandler.do_GET`/`do_HEAD`,
    /// or `send_error`). An HTTP/0.9 request gets the body alone.
    fn answer(&self, sys: &mut Sys, out: &mut Output, sock: u32, line: &str) {
        let peer = sys.addrs(sock).map(|(_, r)| crate::text::ip_text(r.ip())).unwrap_or_default();
        let (stamp, date) = clock(sys.now_us);
        let (head, v09, code, reason, body) = match parse_request_line(line) {
            Ok((method, path, v09)) => {
                let path_only = path.split(['?', '#']).next().unwrap_or("");
                if path_only == "/" {
                    (method == "HEAD", v09, 200, "OK".to_string(), None)
                } else {
                    (
                        method == "HEAD",
                        v09,
                        404,
                        "File not found".to_string(),
                        Some(error_page(404, "File not found", "Nothing matches the given URI")),
                    )
                }
            }
            Err((code, message, explain, v09)) => {
                let page = error_page(code, &message, explain);
                (false, v09, code, message, Some(page))
            }
        };
        if code != 200 {
            out.err(&format!("{peer} - - [{stamp}] code {code}, message {reason}\n"));
        }
        out.err(&format!("{peer} - - [{stamp}] \"{line}\" {code} -\n"));
        let mut response = String::new();
        match &body {
            None if !v09 => response.push_str(&format!(
                "HTTP/1.0 200 OK\r\nServer: {SERVER}\r\nDate: {date}\r\nContent-type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
                LISTING.len()
            )),
            Some(page) if !v09 => response.push_str(&format!(
                "HTTP/1.0 {code} {reason}\r\nServer: {SERVER}\r\nDate: {date}\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: {}\r\n\r\n",
                page.len()
            )),
            _ => {}
        }
        if !head {
            response.push_str(body.as_deref().unwrap_or(LISTING));
        }
        let _ = sys.send(sock, response.as_bytes());
        sys.close(sock);
    }
}

/// The request line of what a client sent, once the request can be
/// answered: the line (up to its newline, or all of it at the end of the
/// stream), and for a request `parse_request` accepts, its headers up to
/// a blank line or the end of the stream (`http.client.parse_headers`).
fn complete_request(data: &[u8], eof: bool) -> Option<String> {
    let text = String::from_utf8_lossy(data);
    let (line, rest) = match text.find('\n') {
        Some(i) => (&text[..i], Some(&text[i + 1..])),
        None if eof => (&text[..], None),
        None => return None,
    };
    let line = line.trim_end_matches(['\r', '\n']).to_string();
    if parse_request_line(&line).is_err() {
        return Some(line);
    }
    let rest = rest.unwrap_or("");
    let headers_done = rest.starts_with("\r\n") || rest.starts_with('\n') || rest.contains("\r\n\r\n") || rest.contains("\n\n");
    if headers_done || eof { Some(line) } else { None }
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
            // HTTPServer.allow_reuse_address: SO_REUSEADDR only.
            sys.set_reuse(sock, true, false);
            if let Err(e) = sys.bind(sock, SocketAddr::new(ip, self.port)).and_then(|()| sys.listen(sock, 5)) {
                sys.close(sock);
                out.err(&format!("{BIND_TRACEBACK}OSError: [Errno {}] {}\n", e.0, e.message()));
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
            let mut eof = false;
            loop {
                match sys.recv(sock) {
                    Ok(Read::Data(d, _)) => {
                        self.clients[i].1.extend(d);
                        busy = true;
                    }
                    Ok(Read::WouldBlock) => break,
                    Ok(Read::Eof) | Err(_) => {
                        eof = true;
                        break;
                    }
                }
            }
            // Nothing before the end: handle_one_request closes quietly.
            if eof && self.clients[i].1.is_empty() {
                sys.close(sock);
                self.clients.remove(i);
                continue;
            }
            if let Some(line) = complete_request(&self.clients[i].1, eof) {
                self.answer(sys, out, sock, &line);
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
