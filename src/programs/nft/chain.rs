//! A base chain's specification as nft reads and lists it: `type`, `hook`,
//! `priority` (a number or one of nft 1.0.6's standard names, plus or minus
//! an offset) and `policy`.

use super::*;

/// nft 1.0.6's standard priorities (rule.c `std_prios`), in the order
/// its lookups try them.
pub(super) const STD_PRIOS: &[(&str, i32)] =
    &[("raw", -300), ("mangle", -150), ("dstnat", -100), ("filter", 0), ("security", 50), ("srcnat", 100)];

/// Whether a standard priority may be named in a chain of this family and
/// hook (rule.c `std_prio_family_hook_compat` of nft 1.0.6: dstnat only at
/// prerouting, srcnat only at postrouting).
pub(super) fn std_prio_compat(prio: i32, family: u8, hook: usize) -> bool {
    let ip = matches!(family, fam::INET | fam::IPV4 | fam::IPV6);
    match prio {
        0 => ip || matches!(family, fam::ARP | fam::NETDEV),
        -300 | -150 | 50 => ip,
        -100 => ip && hook == 0,
        100 => ip && hook == 4,
        _ => false,
    }
}

/// A priority as nft lists it (rule.c `prio2str`): the first standard
/// priority within 10 of it, if its name fits the hook (`filter`,
/// `security + 5`, `raw - 3`), else the number.
pub(super) fn prio_text(prio: i32, family: u8, hook: usize) -> String {
    for (name, std) in STD_PRIOS {
        let offset = i64::from(prio) - i64::from(*std);
        if offset.abs() <= 10 {
            if !std_prio_compat(*std, family, hook) {
                break;
            }
            return match offset {
                0 => (*name).to_string(),
                o if o > 0 => format!("{name} + {o}"),
                o => format!("{name} - {}", -o),
            };
        }
    }
    prio.to_string()
}

/// `{ type T hook H priority P ; policy X ; }` of a base chain; P is a
/// number, a standard name, or a name plus or minus a number.
pub(super) fn chain_spec(attrs: &mut Vec<u8>, family: u8, toks: &[Tok], cmd: &str) -> Result<(), Fail> {
    if toks.is_empty() {
        return Ok(());
    }
    let words: Vec<&Tok> = toks.iter().filter(|t| !matches!(t.text.as_str(), "{" | "}" | ";")).collect();
    let (mut kind, mut hook, mut prio, mut policy) = (None, None, None, None);
    let mut named = None;
    let mut i = 0;
    while let Some(w) = words.get(i) {
        let v = words.get(i + 1).map(|t| t.text.as_str());
        let unknown = |what: &str| Fail {
            tilde: None,
            msg: format!("unknown chain {what}"),
            span: words.get(i + 1).map_or((cmd.len(), cmd.len() + 1), |t| span(t)),
        };
        match w.text.as_str() {
            // chain_type_name_lookup / chain_hookname_lookup of nft 1.0.6.
            "type" if v.is_some_and(|t| !matches!(t, "filter" | "nat" | "route")) => return Err(unknown("type")),
            "type" => kind = v,
            "hook" => hook = Some(v.and_then(|h| HOOKS.iter().position(|x| *x == h)).ok_or_else(|| unknown("hook"))?),
            "priority" => {
                let std = v.and_then(|p| STD_PRIOS.iter().find(|(n, _)| *n == p).map(|(_, x)| *x));
                prio = std.or_else(|| v.and_then(|n| n.parse::<i32>().ok()));
                let mut last = i + 1;
                if let (Some(base), Some(sign)) = (std, words.get(i + 2).map(|t| t.text.as_str()).filter(|s| matches!(*s, "+" | "-"))) {
                    let n: i32 = words.get(i + 3).and_then(|t| t.text.parse().ok()).ok_or_else(|| syntax("unexpected string", cmd))?;
                    prio = if sign == "+" { base.checked_add(n) } else { base.checked_sub(n) };
                    last = i + 3;
                    i += 2;
                }
                if let Some(std) = std {
                    named = Some((std, w.at, words.get(last).map_or(cmd.len(), |t| span(t).1)));
                }
            }
            "policy" => policy = v.map(|p| u32::from(p == "accept")),
            _ => return Err(syntax("unexpected string", cmd)),
        }
        i += 2;
    }
    let (Some(kind), Some(hook), Some(prio)) = (kind, hook, prio) else { return Err(syntax("unexpected '}'", cmd)) };
    if let Some((_, from, to)) = named.filter(|(std, _, _)| !std_prio_compat(*std, family, hook)) {
        return Err(Fail { tilde: None, msg: "invalid priority expression value in this context.".into(), span: (from, to) });
    }
    let n = attrs.begin_nest(c::HOOK);
    attrs.put(crate::wire::nftables::hook::HOOKNUM, &(hook as u32).to_be_bytes());
    attrs.put(crate::wire::nftables::hook::PRIORITY, &prio.to_be_bytes());
    attrs.end_nest(n);
    if let Some(p) = policy {
        attrs.put(c::POLICY, &p.to_be_bytes());
    }
    attrs.put_str(c::TYPE, kind);
    Ok(())
}
