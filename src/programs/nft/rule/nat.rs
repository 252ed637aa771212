//! The NAT statements of a rule: `snat`/`dnat [ip|ip6] to ADDR[-ADDR][:PORT[-PORT]]`,
//! `masquerade [to :PORT[-PORT]]`, `redirect [to :PORT[-PORT]]`, each with
//! nft 1.0.6's flags `random`, `fully-random`, `persistent` (parser_bison.y
//! `nat_stmt_args`, `masq_stmt_args`, `redir_stmt_arg`, `nf_nat_flags`;
//! netlink_linearize.c `netlink_gen_nat_stmt` puts the lowest and highest
//! address, then the lowest and highest port, in consecutive registers).

use super::{Deps, Refused, family_word, refuse, transport_known};
use crate::util::text;
use crate::wire::nf_expr::{Data, Expr};
use crate::wire::nftables::family;

use crate::wire::nftables::nat_range::PROTO_SPECIFIED;

/// The flags word `random,persistent` (or one of them) as NF_NAT_RANGE_* bits.
fn flags_of(w: &str) -> Option<u32> {
    w.split(',').try_fold(0, |acc, f| {
        Some(
            acc | match f {
                "random" => 4,
                "persistent" => 8,
                "fully-random" => 16,
                _ => return None,
            },
        )
    })
}

/// Flags after a statement's arguments, at word `at`; the words taken.
fn trailing_flags(words: &[String], at: usize) -> (u32, usize) {
    match words.get(at).and_then(|w| flags_of(w)) {
        Some(f) => (f, 1),
        None => (0, 0),
    }
}

/// `P` or `P1-P2`.
fn ports(p: &str) -> Option<(u16, u16)> {
    match p.split_once('-') {
        Some((a, b)) => Some((a.parse().ok()?, b.parse().ok()?)),
        None => p.parse().ok().map(|x| (x, x)),
    }
}

/// The registers (32-bit indexes) of NFT_REG_1 onwards, one a value.
fn immediates(out: &mut Vec<Expr>, values: Vec<Vec<u8>>) -> Vec<u32> {
    values
        .into_iter()
        .enumerate()
        .map(|(n, v)| {
            let reg = 4 * (n as u32 + 1);
            out.push(Expr::Immediate { dreg: reg, data: Data::Value(v) });
            reg
        })
        .collect()
}

/// The port part of `to :PORTS` of masquerade and redirect at word `at`
/// (statement word `i`): refused before a transport match.
fn to_ports(words: &[String], i: usize, at: usize, out: &[Expr]) -> Result<(u16, u16), Refused> {
    let to = words.get(at).ok_or(words.len())?;
    let p = ports(to.trim_start_matches(':')).ok_or(at)?;
    if !transport_known(out) {
        let skip = to.len() - to.trim_start_matches(':').len();
        let message = "transport protocol mapping is only valid after transport protocol match".into();
        return Err(Refused { skip, tilde: Some((i, 1)), ..refuse(at, 1, message) });
    }
    Ok(p)
}

/// `masquerade` or `redirect` at word `i`; the next word.
pub(super) fn masq_redir(words: &[String], i: usize, out: &mut Vec<Expr>) -> Result<usize, Refused> {
    let redirect = words.get(i).is_some_and(|w| w == "redirect");
    let mut at = i + 1;
    let mut range = None;
    if words.get(at).is_some_and(|w| w == "to") {
        range = Some(to_ports(words, i, at + 1, out)?);
        at += 2;
    }
    let (flags, n) = trailing_flags(words, at);
    let proto = range.map(|(lo, hi)| {
        let regs = immediates(out, vec![lo.to_be_bytes().to_vec(), hi.to_be_bytes().to_vec()]);
        (regs[0], regs[1])
    });
    let flags = flags | if proto.is_some() { PROTO_SPECIFIED } else { 0 };
    out.push(if redirect { Expr::Redir { flags, proto } } else { Expr::Masq { flags, proto } });
    Ok(at + n)
}

/// An address of the NAT's family, or getaddrinfo's refusal of the other.
fn nat_address(a: &str, v6: bool, at: usize) -> Result<Vec<u8>, Refused> {
    let addr = if v6 { text::parse_ipv6(a).map(|a| a.octets().to_vec()) } else { text::parse_ipv4(a).map(|a| a.octets().to_vec()) };
    let other = if v6 { text::parse_ipv4(a).is_some() } else { text::parse_ipv6(a).is_some() };
    match addr {
        Some(a) => Ok(a),
        None if other => Err(refuse(at, 1, "Could not resolve hostname: Address family for hostname not supported".into())),
        None => Err(at.into()),
    }
}

/// Splits `ADDR[-ADDR][:PORTS]` (IPv6 addresses in brackets before a
/// port: `[A]-[B]:P`) into addresses and the port text.
fn split_to(to: &str, v6: bool) -> (&str, Option<&str>, Option<&str>) {
    let (addrs, port) = if v6 {
        match to.rfind(']') {
            Some(end) => (&to[..=end], to[end + 1..].strip_prefix(':')),
            None => (to, None),
        }
    } else if text::parse_ipv6(to).is_some() {
        (to, None)
    } else {
        match to.split_once(':') {
            Some((a, p)) => (a, Some(p)),
            None => (to, None),
        }
    };
    match addrs.split_once("]-[").or_else(|| if v6 { None } else { addrs.split_once('-') }) {
        Some((lo, hi)) => (lo.trim_start_matches('['), Some(hi.trim_end_matches(']')), port),
        None if v6 && !addrs.starts_with('[') => match addrs.split_once('-') {
            Some((lo, hi)) => (lo, Some(hi), port),
            None => (addrs, None, port),
        },
        None => (addrs.trim_start_matches('[').trim_end_matches(']'), None, port),
    }
}

/// `snat`/`dnat` at word `i` in a table of `table_family` (`known` when it
/// fixes the network protocol); the next word.
pub(super) fn snat_dnat(words: &[String], i: usize, known: Option<u8>, deps: &mut Deps, out: &mut Vec<Expr>) -> Result<usize, Refused> {
    let word = |k: usize| words.get(k).map(String::as_str);
    let keyword = match word(i + 1).ok_or(words.len())? {
        "ip" => Some(family::IPV4),
        "ip6" => Some(family::IPV6),
        _ => None,
    };
    let at = i + 1 + usize::from(keyword.is_some());
    if word(at) != Some("to") {
        return Err(at.min(words.len()).into());
    }
    // The table's family, or an earlier match's (`ip protocol icmp`, marked
    // with `~`), against the statement's keyword.
    if let (Some(k), Some(t)) = (keyword, known.or(deps.network).filter(|t| Some(*t) != keyword)) {
        let (tw, kw) = (family_word(t), family_word(k));
        let message = format!("conflicting protocols specified: {tw} vs. {kw}. You must specify ip or ip6 family in nat statement");
        let tilde = if known.is_none() { deps.network_at.map(|w| (w, 2)) } else { None };
        return Err(Refused { tilde, ..refuse(i, 1, message) });
    }
    let nat_family =
        keyword.or(deps.network).ok_or_else(|| refuse(i, 1, "ip or ip6 must be specified with address for inet tables.".into()))?;
    let to = word(at + 1).ok_or(words.len())?;
    let v6 = nat_family == family::IPV6;
    let (lo, hi, p) = split_to(to, v6);
    let p = p.map(|p| ports(p).ok_or(at + 1)).transpose()?;
    if p.is_some() && !transport_known(out) {
        let skip = to.rfind(':').map_or(0, |c| c + 1);
        let message = "transport protocol mapping is only valid after transport protocol match".into();
        return Err(Refused { skip, tilde: Some((i, 1)), ..refuse(at + 1, 1, message) });
    }
    let mut values = vec![nat_address(lo, v6, at + 1)?];
    if let Some(hi) = hi {
        values.push(nat_address(hi, v6, at + 1)?);
    }
    let naddr = values.len();
    if let Some((plo, phi)) = p {
        values.push(plo.to_be_bytes().to_vec());
        if phi != plo {
            values.push(phi.to_be_bytes().to_vec());
        }
    }
    if keyword.is_some() && deps.network.is_none() {
        deps.network = keyword;
    }
    let (flags, n) = trailing_flags(words, at + 2);
    let regs = immediates(out, values);
    let addr = Some((regs[0], regs[naddr - 1]));
    let proto = regs.get(naddr).map(|lo| (*lo, *regs.last().unwrap_or(lo)));
    out.push(Expr::Nat {
        ty: u32::from(word(i) == Some("dnat")),
        family: u32::from(nat_family),
        addr,
        proto,
        flags: 1 | if proto.is_some() { PROTO_SPECIFIED } else { 0 } | flags,
    });
    Ok(at + 2 + n)
}
