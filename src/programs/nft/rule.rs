//! nft's rule language for the common statements, both ways: the words of
//! `nft add rule` into the expressions nft 1.0.6 sends (with the implicit
//! protocol dependencies it adds), and a rule's expressions back into the
//! text `nft list` prints (dependencies folded away again).

use crate::wire::nf_expr::{Data, Expr};
use crate::wire::nftables::{data as v, family};

/// Connection states by name, in the order nft prints them.
const CT_STATES: &[(&str, u32)] = &[("invalid", 1), ("established", 2), ("related", 4), ("new", 8), ("untracked", 64)];

fn meta(key: u32) -> Expr {
    Expr::Meta { key, dreg: 4 }
}

fn cmp(op: u32, data: Vec<u8>) -> Expr {
    Expr::Cmp { sreg: 4, op, data }
}

fn payload(base: u32, offset: u32, len: u32) -> Expr {
    Expr::Payload { dreg: 4, base, offset, len }
}

fn verdict(code: i32, chain: Option<String>) -> Expr {
    Expr::Immediate { dreg: 0, data: Data::Verdict { code, chain } }
}

fn proto_number(name: &str) -> Option<u8> {
    Some(match name {
        "tcp" => 6,
        "udp" => 17,
        "icmp" => 1,
        _ => name.parse().ok()?,
    })
}

fn ifname(name: &str) -> Vec<u8> {
    let mut b = name.trim_matches('"').as_bytes().to_vec();
    b.resize(16, 0);
    b
}

/// Why a rule's words were refused: the word (an index into them; their
/// count when a statement is unfinished) and, where nft says more than
/// "syntax error", its message.
#[derive(Debug, PartialEq, Eq)]
pub struct Refused {
    /// The word the grammar could not take.
    pub word: usize,
    /// nft's message for a value the grammar took but its type refuses.
    pub message: Option<String>,
}

impl From<usize> for Refused {
    fn from(word: usize) -> Refused {
        Refused { word, message: None }
    }
}

/// Parses the statements of a rule.
pub fn parse(words: &[String], table_family: u8) -> Result<Vec<Expr>, Refused> {
    let mut out = Vec::new();
    let mut i = 0;
    let word = |i: usize| words.get(i).map(String::as_str);
    while let Some(w) = word(i) {
        let arg = |k: usize| word(i + k).ok_or(words.len());
        match w {
            "iifname" | "oifname" => {
                out.push(meta(if w == "iifname" { 6 } else { 7 }));
                out.push(cmp(0, ifname(arg(1)?)));
                i += 2;
            }
            "ip" => {
                let offset = match arg(1)? {
                    "saddr" => 12,
                    "daddr" => 16,
                    _ => return Err((i + 1).into()),
                };
                let text = arg(2)?;
                let (a, len) = match text.split_once('/') {
                    Some((a, l)) => match l.parse::<u32>() {
                        Ok(l @ 0..=32) => (a, l as u8),
                        // expr_evaluate_prefix: the type's width bounds it.
                        Ok(l) => {
                            let message = format!("Prefix length {l} is invalid for type of 32 bits width");
                            return Err(Refused { word: i + 2, message: Some(message) });
                        }
                        Err(_) => return Err((i + 2).into()),
                    },
                    None => (text, 32),
                };
                let a = crate::text::parse_ipv4(a).ok_or(i + 2)?;
                if table_family == family::INET {
                    out.push(meta(15));
                    out.push(cmp(0, vec![family::IPV4]));
                }
                // Whole bytes compare directly; /0 (like a partial byte)
                // loads the address and masks it.
                if len % 8 == 0 && len > 0 {
                    let n = u32::from(len / 8);
                    out.push(payload(1, offset, n));
                    out.push(cmp(0, a.octets()[..n as usize].to_vec()));
                } else {
                    let mask = u32::MAX.checked_shl(32 - u32::from(len)).unwrap_or(0);
                    out.push(payload(1, offset, 4));
                    out.push(Expr::Bitwise { sreg: 4, dreg: 4, len: 4, mask: mask.to_be_bytes().to_vec(), xor: vec![0; 4] });
                    out.push(cmp(0, (u32::from(a) & mask).to_be_bytes().to_vec()));
                }
                i += 3;
            }
            "tcp" | "udp" => {
                let offset = match arg(1)? {
                    "sport" => 0,
                    "dport" => 2,
                    _ => return Err((i + 1).into()),
                };
                // One port, or a range `LO-HI` (nft 1.0.6: cmp gte + cmp lte).
                let (lo, hi) = match arg(2)?.split_once('-') {
                    Some((lo, hi)) => (lo.parse::<u16>().map_err(|_| i + 2)?, hi.parse::<u16>().map_err(|_| i + 2)?),
                    None => {
                        let port = arg(2)?.parse::<u16>().map_err(|_| i + 2)?;
                        (port, port)
                    }
                };
                out.push(meta(16));
                out.push(cmp(0, vec![if w == "tcp" { 6 } else { 17 }]));
                out.push(payload(2, offset, 2));
                if lo == hi {
                    out.push(cmp(0, lo.to_be_bytes().to_vec()));
                } else {
                    out.push(cmp(5, lo.to_be_bytes().to_vec()));
                    out.push(cmp(3, hi.to_be_bytes().to_vec()));
                }
                i += 3;
            }
            "meta" if arg(1)? == "l4proto" => {
                out.push(meta(16));
                out.push(cmp(0, vec![proto_number(arg(2)?).ok_or(i + 2)?]));
                i += 3;
            }
            "ct" if arg(1)? == "state" => {
                let mut mask = 0u32;
                for s in arg(2)?.split(',') {
                    mask |= CT_STATES.iter().find(|(n, _)| *n == s).map(|(_, b)| *b).ok_or(i + 2)?;
                }
                out.push(Expr::Ct { key: 0, dreg: 4, dir: None });
                out.push(Expr::Bitwise { sreg: 4, dreg: 4, len: 4, mask: mask.to_ne_bytes().to_vec(), xor: vec![0; 4] });
                out.push(cmp(1, vec![0; 4]));
                i += 3;
            }
            "counter" => {
                out.push(Expr::Counter { bytes: 0, packets: 0 });
                i += 1;
            }
            "accept" | "drop" | "return" => {
                out.push(verdict(
                    match w {
                        "accept" => v::ACCEPT,
                        "drop" => v::DROP,
                        _ => v::RETURN,
                    },
                    None,
                ));
                i += 1;
            }
            "jump" | "goto" => {
                out.push(verdict(if w == "jump" { v::JUMP } else { v::GOTO }, Some(arg(1)?.to_string())));
                i += 2;
            }
            "masquerade" => {
                out.push(Expr::Masq { flags: 0, proto: None });
                i += 1;
            }
            "snat" | "dnat" => {
                if arg(1)? != "to" {
                    return Err((i + 1).into());
                }
                let to = arg(2)?;
                let (a, p) = match to.split_once(':') {
                    Some((a, p)) => (a, Some(p.parse::<u16>().map_err(|_| i + 2)?)),
                    None => (to, None),
                };
                let a = crate::text::parse_ipv4(a).ok_or(i + 2)?;
                // The address in NFT_REG_1, the port in NFT_REG_2 (32-bit indexes 4 and 8).
                out.push(Expr::Immediate { dreg: 4, data: Data::Value(a.octets().to_vec()) });
                if let Some(p) = p {
                    out.push(Expr::Immediate { dreg: 8, data: Data::Value(p.to_be_bytes().to_vec()) });
                }
                let proto = p.map(|_| (8, 8));
                out.push(Expr::Nat {
                    ty: u32::from(w == "dnat"),
                    family: 2,
                    addr: Some((4, 4)),
                    proto,
                    flags: 1 | if proto.is_some() { 2 } else { 0 },
                });
                i += 3;
            }
            "redirect" => {
                let mut proto = None;
                if word(i + 1) == Some("to") {
                    let p: u16 = arg(2)?.trim_start_matches(':').parse().map_err(|_| i + 2)?;
                    out.push(Expr::Immediate { dreg: 4, data: Data::Value(p.to_be_bytes().to_vec()) });
                    proto = Some((4, 4));
                    i += 2;
                }
                out.push(Expr::Redir { flags: if proto.is_some() { 2 } else { 0 }, proto });
                i += 1;
            }
            "reject" if word(i + 1) == Some("with") => {
                if (arg(2)?, arg(3)?) != ("tcp", "reset") {
                    return Err((i + 2).into());
                }
                // nft adds the dependency `meta l4proto tcp` unless the
                // rule already matched TCP.
                let tcp_known = out.windows(2).any(|w| matches!(w, [Expr::Meta { key: 16, .. }, Expr::Cmp { data, .. }] if data == &[6]));
                if !tcp_known {
                    out.push(meta(16));
                    out.push(cmp(0, vec![6]));
                }
                out.push(Expr::Reject { ty: 1, code: 0 });
                i += 4;
            }
            "reject" => {
                out.push(Expr::Reject { ty: 0, code: 3 });
                i += 1;
            }
            _ => return Err(words.len().max(i + 1).into()),
        }
    }
    Ok(out)
}

fn be16(d: &[u8]) -> u16 {
    d.get(..2).map_or(0, |b| u16::from_be_bytes([b[0], b[1]]))
}

/// A rule's expressions as `nft list` prints them.
pub fn text(exprs: &[Expr]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut l4: Option<u8> = None;
    // Values loaded into registers for a NAT statement.
    let mut regs: Vec<(u32, Vec<u8>)> = Vec::new();
    let reg = |regs: &Vec<(u32, Vec<u8>)>, r: u32| regs.iter().rev().find(|(x, _)| *x == r).map(|(_, v)| v.clone()).unwrap_or_default();
    let mut i = 0;
    while let Some(e) = exprs.get(i) {
        i += 1;
        let next_cmp = |i: &mut usize| -> Option<(u32, Vec<u8>)> {
            if let Some(Expr::Cmp { op, data, .. }) = exprs.get(*i) {
                *i += 1;
                Some((*op, data.clone()))
            } else {
                None
            }
        };
        match e {
            Expr::Meta { key: 6 | 7, .. } => {
                let (_, d) = next_cmp(&mut i).unwrap_or_default();
                let name = String::from_utf8_lossy(&d).trim_end_matches('\0').to_string();
                let key = if matches!(e, Expr::Meta { key: 6, .. }) { "iifname" } else { "oifname" };
                parts.push(format!("{key} \"{name}\""));
            }
            Expr::Meta { key: 15, .. } => {
                next_cmp(&mut i);
            }
            Expr::Meta { key: 16, .. } => {
                let (_, d) = next_cmp(&mut i).unwrap_or_default();
                let p = d.first().copied().unwrap_or(0);
                // A dependency of the transport match or the TCP reset that follows.
                if matches!(exprs.get(i), Some(Expr::Payload { base: 2, .. })) {
                    l4 = Some(p);
                } else if !matches!(exprs.get(i), Some(Expr::Reject { ty: 1, .. })) {
                    let name = match p {
                        6 => "tcp".to_string(),
                        17 => "udp".to_string(),
                        1 => "icmp".to_string(),
                        n => n.to_string(),
                    };
                    parts.push(format!("meta l4proto {name}"));
                }
            }
            Expr::Payload { base: 1, offset, len, .. } => {
                let mut plen = (*len * 8) as u8;
                if let Some(Expr::Bitwise { mask, .. }) = exprs.get(i) {
                    plen = mask.iter().map(|b| b.count_ones() as u8).sum();
                    i += 1;
                }
                let (_, d) = next_cmp(&mut i).unwrap_or_default();
                let mut b = [0u8; 4];
                for (k, x) in d.iter().take(4).enumerate() {
                    b[k] = *x;
                }
                let field = if *offset == 12 { "saddr" } else { "daddr" };
                let a = crate::text::ipv4_text(b);
                parts.push(if plen == 32 { format!("ip {field} {a}") } else { format!("ip {field} {a}/{plen}") });
            }
            Expr::Payload { base: 2, offset, .. } => {
                let value = match exprs.get(i) {
                    // A range: `range` (eq or neq), or nft's `cmp gte` + `cmp lte`.
                    Some(Expr::Range { op, from, to, .. }) => {
                        i += 1;
                        format!("{}{}-{}", if *op == 1 { "!= " } else { "" }, be16(from), be16(to))
                    }
                    Some(Expr::Cmp { op: 5, data: lo, .. }) if matches!(exprs.get(i + 1), Some(Expr::Cmp { op: 3, .. })) => {
                        let hi = match exprs.get(i + 1) {
                            Some(Expr::Cmp { data, .. }) => be16(data),
                            _ => 0,
                        };
                        i += 2;
                        format!("{}-{hi}", be16(lo))
                    }
                    _ => {
                        let (op, d) = next_cmp(&mut i).unwrap_or_default();
                        let sign = ["", "!= ", "< ", "<= ", "> ", ">= "].get(op as usize).copied().unwrap_or("");
                        format!("{sign}{}", be16(&d))
                    }
                };
                let proto = match l4.take() {
                    Some(17) => "udp",
                    Some(6) => "tcp",
                    _ => "th",
                };
                let field = if *offset == 0 { "sport" } else { "dport" };
                parts.push(format!("{proto} {field} {value}"));
            }
            Expr::Ct { key: 0, .. } => {
                let mask = match exprs.get(i) {
                    Some(Expr::Bitwise { mask, .. }) => {
                        i += 1;
                        mask.get(..4).map_or(0, |b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]))
                    }
                    _ => 0,
                };
                next_cmp(&mut i);
                let names: Vec<&str> = CT_STATES.iter().filter(|(_, b)| mask & b != 0).map(|(n, _)| *n).collect();
                parts.push(format!("ct state {}", names.join(",")));
            }
            Expr::Counter { bytes, packets } => parts.push(format!("counter packets {packets} bytes {bytes}")),
            Expr::Immediate { data: Data::Verdict { code, chain }, .. } => parts.push(match (*code, chain) {
                (v::ACCEPT, _) => "accept".into(),
                (v::DROP, _) => "drop".into(),
                (v::RETURN, _) => "return".into(),
                (v::JUMP, Some(c)) => format!("jump {c}"),
                (v::GOTO, Some(c)) => format!("goto {c}"),
                _ => "continue".into(),
            }),
            Expr::Immediate { dreg, data: Data::Value(v) } => regs.push((*dreg, v.clone())),
            Expr::Nat { ty, addr, proto, .. } => {
                let mut to = String::new();
                if let Some((r, _)) = addr {
                    let b = reg(&regs, *r);
                    if b.len() >= 4 {
                        to = crate::text::ipv4_text([b[0], b[1], b[2], b[3]]);
                    }
                }
                if let Some((r, _)) = proto {
                    to.push_str(&format!(":{}", be16(&reg(&regs, *r))));
                }
                parts.push(format!("{} to {to}", if *ty == 1 { "dnat" } else { "snat" }));
            }
            Expr::Redir { proto, .. } => match proto {
                Some((r, _)) => parts.push(format!("redirect to :{}", be16(&reg(&regs, *r)))),
                None => parts.push("redirect".into()),
            },
            Expr::Masq { .. } => parts.push("masquerade".into()),
            Expr::Target { name, .. } if name == "MASQUERADE" => parts.push("masquerade".into()),
            Expr::Reject { ty: 1, .. } => parts.push("reject with tcp reset".into()),
            Expr::Reject { .. } => parts.push("reject".into()),
            // xtables matches and targets as nft translates them (the xlate of libxt_*).
            Expr::Match { name, info, .. } if name == "conntrack" || name == "state" => {
                let at = if name == "state" { 0 } else { 150 };
                let mask = info.get(at..at + 2).map_or(0, |b| u16::from_ne_bytes([b[0], b[1]]));
                parts.push(format!("ct state {}", crate::iptables::print::ctstate_text(mask).to_lowercase()));
            }
            Expr::Match { name, info, .. } if name == "icmp" => {
                let t = info.first().copied().unwrap_or(0);
                let named = crate::iptables::print::icmp_name(t).map_or(t.to_string(), str::to_string);
                parts.push(format!("icmp type {named}"));
            }
            Expr::Target { name, info, .. } if name == "REJECT" => {
                let with = info.get(..4).map_or(3, |b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]));
                parts.push(if with == 3 {
                    "reject".into()
                } else if with == 7 {
                    "reject with tcp reset".into()
                } else {
                    format!(
                        "reject with icmp type {}",
                        crate::iptables::print::REJECT_WITH.get(with as usize).unwrap_or(&"").trim_start_matches("icmp-")
                    )
                });
            }
            Expr::Match { name, .. } => parts.push(format!("xt match \"{name}\"")),
            Expr::Target { name, .. } => parts.push(format!("xt target \"{name}\"")),
            _ => {}
        }
    }
    parts.join(" ")
}

/// Whether a rule uses xtables extensions (a table with such rules is
/// "managed by iptables-nft").
pub fn uses_xt(exprs: &[Expr]) -> bool {
    exprs.iter().any(|e| matches!(e, Expr::Match { .. } | Expr::Target { .. }))
}

#[cfg(test)]
mod tests {
    use crate::World;
    use crate::output::Output;
    use crate::shell::Shell;

    #[test]
    fn an_ipv4_prefix_past_32_bits_is_refused_without_a_panic() {
        // The shell_line fuzz target found `ip daddr 192.168.1.0/48` indexing
        // past the address; nft refuses it ("Prefix length 48 is invalid").
        let mut shell = Shell::new(Box::new(World::new()));
        for line in ["nft add table ip t", "nft add chain ip t c"] {
            assert_eq!(shell.run_line(line, &mut Output::new()), 0, "{line}");
        }
        assert_ne!(shell.run_line("nft add rule ip t c ip daddr 192.168.1.0/48 accept", &mut Output::new()), 0);
        assert_eq!(shell.run_line("nft add rule ip t c ip daddr 192.168.1.0/24 accept", &mut Output::new()), 0);
    }
}
