//! Shared helpers of the integration tests: hex, a readable netlink decoder
//! for diffs, and the masks for fields that differ between kernel runs.

#![allow(dead_code)]

use iplab::wire::attr::NlaIter;
use iplab::wire::header::HeaderRepr;

pub mod replay;

/// Decodes a hex string.
pub fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2).filter_map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok()).collect()
}

/// Encodes bytes as lowercase hex.
pub fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Size of the fixed header after nlmsghdr for an rtnetlink message type.
pub fn fixed_len(kind: u16) -> usize {
    match kind {
        16..=19 => 16, // ifinfomsg
        20..=23 => 8,  // ifaddrmsg
        24..=27 => 12, // rtmsg
        28..=31 => 12, // ndmsg
        32..=35 => 12, // fib_rule_hdr
        80..=82 => 4,  // netconfmsg
        88..=90 => 4,  // rtgenmsg (nsid)
        0x100.. => 4,  // nfgenmsg (nfnetlink)
        // nhmsg
        104..=119 => 8,
        _ => 0,
    }
}

/// Attribute types whose payload is a nest of attributes, per message family.
fn is_nest(kind: u16, path: &[u16], t: u16) -> bool {
    match kind {
        16..=19 => match path {
            [] => matches!(t, 18 | 26 | 43 | 62 | 65 | 52),
            [18] => t == 2 || t == 5,
            [26] => true,
            _ => false,
        },
        24..=27 => path.is_empty() && t == 8,
        _ => false,
    }
}

/// A line-per-field description of one message, for readable diffs.
pub fn describe(msg: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let Ok(h) = HeaderRepr::parse(msg) else {
        out.push(format!("short message {}", hex(msg)));
        return out;
    };
    out.push(format!("hdr len={} type={} flags={:#x} seq={} pid={}", h.len, h.kind, h.flags, h.seq, h.pid));
    let body = msg.get(16..).unwrap_or(&[]);
    if h.kind == 2 || h.kind == 3 {
        out.push(format!("error {}", hex(body)));
        return out;
    }
    let fl = fixed_len(h.kind).min(body.len());
    out.push(format!("fixed {}", hex(&body[..fl])));
    let attrs_at = (fl + 3) & !3;
    describe_attrs(h.kind, body.get(attrs_at..).unwrap_or(&[]), &mut Vec::new(), &mut out);
    out
}

fn describe_attrs(kind: u16, buf: &[u8], path: &mut Vec<u16>, out: &mut Vec<String>) {
    let indent = "  ".repeat(path.len() + 1);
    for nla in NlaIter::new(buf) {
        match nla {
            Ok(a) => {
                if is_nest(kind, path, a.kind) {
                    out.push(format!("{indent}{} nest{} len={}", a.kind, if a.nested { "(F)" } else { "" }, a.value.len()));
                    path.push(a.kind);
                    describe_attrs(kind, a.value, path, out);
                    path.pop();
                } else {
                    out.push(format!("{indent}{} = {}", a.kind, hex(a.value)));
                }
            }
            Err(e) => out.push(format!("{indent}bad attribute: {e}")),
        }
    }
}

/// A diff of two line lists, marking lines only in one of them.
pub fn diff_lines(expected: &[String], actual: &[String]) -> String {
    let (n, m) = (expected.len(), actual.len());
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if expected[i] == actual[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = String::new();
    while i < n || j < m {
        if i < n && j < m && expected[i] == actual[j] {
            out += &format!("  {}\n", expected[i]);
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out += &format!("+ {}\n", actual[j]);
            j += 1;
        } else {
            out += &format!("- {}\n", expected[i]);
            i += 1;
        }
    }
    out
}

/// Cases known to differ from Linux, from a `known-gaps.txt` file: one case
/// name a line, then `#` and why. Blank lines and lines starting with `#`
/// are skipped.
pub fn known_gaps(path: &std::path::Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Checks a run against the known gaps: every failure must be listed, and
/// every listed case must still fail (so the list only shrinks). Returns
/// the message to fail with, if any.
pub fn check_gaps(kind: &str, failures: &[(String, String)], gaps: &[String], total: usize) -> Option<String> {
    let unexpected: Vec<&(String, String)> = failures.iter().filter(|(n, _)| !gaps.contains(n)).collect();
    let fixed: Vec<&String> = gaps.iter().filter(|g| !failures.iter().any(|(n, _)| n == *g)).collect();
    eprintln!("{kind}: {} of {total} match Linux; {} known gaps listed", total - failures.len(), gaps.len());
    // IPLAB_SHOW_GAPS=1 prints the differences of the listed gaps too.
    if std::env::var_os("IPLAB_SHOW_GAPS").is_some() {
        for (n, d) in failures.iter().filter(|(n, _)| gaps.contains(n)) {
            eprintln!("known gap {n}:\n{d}\n");
        }
    }
    let mut msg = String::new();
    if !unexpected.is_empty() {
        msg += &format!("{} {kind} differ from Linux and are not known gaps:\n\n", unexpected.len());
        for (_, d) in &unexpected {
            msg += d;
            msg += "\n\n";
        }
    }
    if !fixed.is_empty() {
        msg += &format!("these known gaps now match Linux; remove them from the list: {fixed:?}\n");
    }
    if msg.is_empty() { None } else { Some(msg) }
}
