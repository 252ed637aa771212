//! The capture filter expressions tutorials use (pcap-filter(7)): `host`,
//! `src`/`dst host`, `net A/N`, `port`, `src`/`dst port`, `icmp`, `icmp6`,
//! `arp`, `ip`, `ip6`, `tcp`, `udp`, joined by `and`/`&&`, `or`/`||`,
//! `not`/`!` and parentheses.

use crate::sim::capture::{Content, Frame};
use crate::sim::packet::Payload;
use std::net::IpAddr;

/// A parsed expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// Matches everything (no expression).
    All,
    /// A protocol keyword.
    Proto(String),
    /// `[src|dst] host ADDR` (dir: 0 either, 1 src, 2 dst).
    Host(u8, IpAddr),
    /// `[src|dst] net ADDR/LEN`.
    Net(u8, IpAddr, u8),
    /// `[src|dst] port N`.
    Port(u8, u16),
    /// Negation.
    Not(Box<Expr>),
    /// Both.
    And(Box<Expr>, Box<Expr>),
    /// Either.
    Or(Box<Expr>, Box<Expr>),
}

/// Parses the words after the options; Err: tcpdump's message.
pub fn parse(words: &[String]) -> Result<Expr, String> {
    let text = words.join(" ");
    let spaced = text.replace('(', " ( ").replace(')', " ) ").replace('!', " ! ");
    let toks: Vec<String> = spaced.split_whitespace().map(str::to_string).collect();
    if toks.is_empty() {
        return Ok(Expr::All);
    }
    let mut p = Parser { toks, at: 0 };
    let e = p.or()?;
    if p.at < p.toks.len() {
        return Err("syntax error in filter expression".into());
    }
    Ok(e)
}

struct Parser {
    toks: Vec<String>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&str> {
        self.toks.get(self.at).map(String::as_str)
    }
    fn next(&mut self) -> Option<String> {
        let t = self.toks.get(self.at).cloned();
        self.at += 1;
        t
    }
    fn or(&mut self) -> Result<Expr, String> {
        let mut e = self.and()?;
        while matches!(self.peek(), Some("or" | "||")) {
            self.at += 1;
            e = Expr::Or(Box::new(e), Box::new(self.and()?));
        }
        Ok(e)
    }
    fn and(&mut self) -> Result<Expr, String> {
        let mut e = self.unary()?;
        while matches!(self.peek(), Some("and" | "&&")) {
            self.at += 1;
            e = Expr::And(Box::new(e), Box::new(self.unary()?));
        }
        Ok(e)
    }
    fn unary(&mut self) -> Result<Expr, String> {
        match self.next().as_deref() {
            Some("not" | "!") => Ok(Expr::Not(Box::new(self.unary()?))),
            Some("(") => {
                let e = self.or()?;
                if self.next().as_deref() != Some(")") {
                    return Err("syntax error in filter expression".into());
                }
                Ok(e)
            }
            Some(w @ ("src" | "dst")) => {
                let dir = if w == "src" { 1 } else { 2 };
                self.qualified(dir)
            }
            Some(p @ ("icmp" | "icmp6" | "arp" | "ip" | "ip6" | "tcp" | "udp")) => {
                if matches!(self.peek(), Some("port")) && (p == "tcp" || p == "udp") {
                    let port = self.qualified(0)?;
                    return Ok(Expr::And(Box::new(Expr::Proto(p.into())), Box::new(port)));
                }
                Ok(Expr::Proto(p.into()))
            }
            Some(_) => {
                self.at -= 1;
                self.qualified(0)
            }
            None => Err("syntax error in filter expression".into()),
        }
    }
    fn qualified(&mut self, dir: u8) -> Result<Expr, String> {
        let kind = self.next().unwrap_or_default();
        // An address alone stands for `host ADDR` (`src 10.0.0.2`).
        if let Some(a) = crate::text::parse_ip(&kind) {
            return Ok(Expr::Host(dir, a));
        }
        let value = self.next().ok_or_else(|| "syntax error in filter expression".to_string())?;
        match kind.as_str() {
            "host" => crate::text::parse_ip(&value).map(|a| Expr::Host(dir, a)).ok_or_else(|| format!("can't resolve host '{value}'")),
            "net" => {
                let (a, l) = value.split_once('/').unwrap_or((&value, "32"));
                match (crate::text::parse_ip(a), crate::text::int::<u8>(l)) {
                    (Some(a), Some(l)) => Ok(Expr::Net(dir, a, l)),
                    _ => Err(format!("invalid net '{value}'")),
                }
            }
            "port" => crate::text::int::<u16>(&value).map(|p| Expr::Port(dir, p)).ok_or_else(|| format!("invalid port '{value}'")),
            _ => Err("syntax error in filter expression".into()),
        }
    }
}

fn in_net(a: IpAddr, net: IpAddr, len: u8) -> bool {
    match (a, net) {
        (IpAddr::V4(a), IpAddr::V4(n)) => {
            let m = if len == 0 { 0 } else { u32::MAX << (32 - u32::from(len.min(32))) };
            u32::from(a) & m == u32::from(n) & m
        }
        (IpAddr::V6(a), IpAddr::V6(n)) => {
            let m = if len == 0 { 0 } else { u128::MAX << (128 - u32::from(len.min(128))) };
            u128::from(a) & m == u128::from(n) & m
        }
        _ => false,
    }
}

/// Whether a frame passes.
pub fn matches(e: &Expr, fr: &Frame) -> bool {
    let addrs: Option<(IpAddr, IpAddr)> = match &fr.content {
        Content::Ip(d) => Some((d.src, d.dst)),
        Content::Arp { sender_ip, target_ip, .. } => Some(((*sender_ip).into(), (*target_ip).into())),
        Content::Nd { src, dst, .. } => Some(((*src).into(), (*dst).into())),
    };
    let pick = |dir: u8, test: &dyn Fn(IpAddr) -> bool| {
        addrs.is_some_and(|(s, d)| match dir {
            1 => test(s),
            2 => test(d),
            _ => test(s) || test(d),
        })
    };
    match e {
        Expr::All => true,
        Expr::Not(x) => !matches(x, fr),
        Expr::And(a, b) => matches(a, fr) && matches(b, fr),
        Expr::Or(a, b) => matches(a, fr) || matches(b, fr),
        Expr::Host(dir, a) => pick(*dir, &|x| x == *a),
        Expr::Net(dir, n, l) => pick(*dir, &|x| in_net(x, *n, *l)),
        Expr::Port(dir, p) => match &fr.content {
            Content::Ip(d) => d.ports().is_some_and(|(s, t)| match dir {
                1 => s == *p,
                2 => t == *p,
                _ => s == *p || t == *p,
            }),
            Content::Arp { .. } | Content::Nd { .. } => false,
        },
        Expr::Proto(p) => match (&fr.content, p.as_str()) {
            (Content::Arp { .. }, "arp") => true,
            (Content::Nd { .. }, "ip6" | "icmp6") => true,
            (Content::Ip(d), "ip") => !d.is_v6(),
            (Content::Ip(d), "ip6") => d.is_v6(),
            (Content::Ip(d), "tcp") => matches!(d.payload, Payload::Tcp(_)),
            (Content::Ip(d), "udp") => matches!(d.payload, Payload::Udp { .. }),
            (Content::Ip(d), "icmp") => !d.is_v6() && matches!(d.payload, Payload::Icmp(_)),
            (Content::Ip(d), "icmp6") => d.is_v6() && matches!(d.payload, Payload::Icmp(_)),
            _ => false,
        },
    }
}
