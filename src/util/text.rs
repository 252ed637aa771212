//! Small text routines in place of std's larger general ones, for the size
//! of the WebAssembly module: substring search and replacement by plain
//! byte comparison (instead of `str::find`, `str::replace` and
//! `str::replacen`, whose two-way searcher is a kilobyte and a half of code;
//! the texts searched here are short), and IP address parsing with exactly
//! the rules of `Ipv4Addr`, `Ipv6Addr` and `IpAddr`'s `FromStr` (core's
//! parser is generic and some 3 KB).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// Byte offset of the first occurrence of `needle` in `hay` (`str::find`
/// with a string pattern; an empty needle is found at 0).
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return Some(0);
    }
    // A match of valid UTF-8 always starts on a character boundary.
    h.windows(n.len()).position(|w| w == n)
}

/// `hay` with the first `count` occurrences of `from` (non-empty) replaced
/// by `to`, like `str::replacen`.
pub fn replacen(hay: &str, from: &str, to: &str, count: usize) -> String {
    let mut out = String::with_capacity(hay.len());
    let mut rest = hay;
    let mut done = 0;
    while done < count {
        let Some(at) = find(rest, from).filter(|_| !from.is_empty()) else { break };
        out.push_str(rest.get(..at).unwrap_or(""));
        out.push_str(to);
        rest = rest.get(at + from.len()..).unwrap_or("");
        done += 1;
    }
    out.push_str(rest);
    out
}

/// `hay` with every occurrence of `from` (non-empty) replaced by `to`, like
/// `str::replace`.
pub fn replace(hay: &str, from: &str, to: &str) -> String {
    replacen(hay, from, to, usize::MAX)
}

/// A number of at most `max` digits in `radix` at `s[*at..]`, moving `at`
/// past it; with `zero_prefix` false, a leading zero only as the sole digit.
fn number(s: &[u8], at: &mut usize, radix: u32, max: usize, zero_prefix: bool) -> Option<u32> {
    let start = *at;
    let mut end = start;
    let mut value = 0u32;
    while let Some(d) = s.get(end).and_then(|&b| char::from(b).to_digit(radix)) {
        value = value * radix + d;
        end += 1;
        if end - start > max {
            return None;
        }
    }
    let digits = end - start;
    if digits == 0 || (!zero_prefix && digits > 1 && s[start] == b'0') {
        return None;
    }
    *at = end;
    Some(value)
}

/// A dotted quad at `s[*at..]` (four decimal numbers up to 255, no leading
/// zeros), moving `at` past it.
fn ipv4_at(s: &[u8], at: &mut usize) -> Option<[u8; 4]> {
    let mut i = *at;
    let mut out = [0u8; 4];
    for (k, slot) in out.iter_mut().enumerate() {
        if k > 0 {
            if s.get(i) != Some(&b'.') {
                return None;
            }
            i += 1;
        }
        *slot = u8::try_from(number(s, &mut i, 10, 3, false)?).ok()?;
    }
    *at = i;
    Some(out)
}

/// Colon-separated groups of up to four hex digits at `s[*at..]` into
/// `out`, the last two possibly written as a dotted quad; how many were
/// read and whether a dotted quad ended them.
fn ipv6_groups(s: &[u8], at: &mut usize, out: &mut [u16]) -> (usize, bool) {
    let limit = out.len();
    for k in 0..limit {
        let mut i = *at;
        let sep = k == 0
            || (s.get(i) == Some(&b':') && {
                i += 1;
                true
            });
        if !sep {
            return (k, false);
        }
        if k + 1 < limit {
            let mut j = i;
            if let Some([a, b, c, d]) = ipv4_at(s, &mut j) {
                out[k] = u16::from_be_bytes([a, b]);
                out[k + 1] = u16::from_be_bytes([c, d]);
                *at = j;
                return (k + 2, true);
            }
        }
        match number(s, &mut i, 16, 4, true) {
            Some(g) => {
                out[k] = g as u16;
                *at = i;
            }
            None => return (k, false),
        }
    }
    (limit, false)
}

/// `text.parse::<Ipv4Addr>()`, as an Option.
pub fn parse_ipv4(text: &str) -> Option<Ipv4Addr> {
    let s = text.as_bytes();
    let mut at = 0;
    let a = ipv4_at(s, &mut at)?;
    (at == s.len()).then(|| Ipv4Addr::from(a))
}

/// `text.parse::<Ipv6Addr>()`, as an Option.
pub fn parse_ipv6(text: &str) -> Option<Ipv6Addr> {
    let s = text.as_bytes();
    let mut at = 0;
    let mut head = [0u16; 8];
    let (n, dotted) = ipv6_groups(s, &mut at, &mut head);
    if n < 8 {
        // Fewer than eight groups: "::" must follow (and no dotted quad
        // may come before it), then at most 7 - n groups.
        if dotted || s.get(at..at + 2) != Some(b"::".as_slice()) {
            return None;
        }
        at += 2;
        let mut tail = [0u16; 7];
        let (m, _) = ipv6_groups(s, &mut at, &mut tail[..7 - n]);
        head[8 - m..].copy_from_slice(&tail[..m]);
    }
    (at == s.len()).then(|| Ipv6Addr::from(head))
}

/// `text.parse::<IpAddr>()`, as an Option.
pub fn parse_ip(text: &str) -> Option<IpAddr> {
    parse_ipv4(text).map(IpAddr::V4).or_else(|| parse_ipv6(text).map(IpAddr::V6))
}

/// A C number's optional sign (`strtol`, `atoi`): whether it is a minus,
/// and the text after it.
pub fn split_sign(t: &str) -> (bool, &str) {
    match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    }
}

/// The text after a `0x` or `0X` that a hex digit follows (`strtoul` in
/// base 16 takes the prefix only then).
pub fn after_0x(t: &str) -> Option<&str> {
    let rest = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X"))?;
    rest.starts_with(|c: char| c.is_ascii_hexdigit()).then_some(rest)
}

/// `t` split where its leading run of characters that satisfy `pred` ends.
pub fn split_while(t: &str, pred: fn(&char) -> bool) -> (&str, &str) {
    let rest = t.trim_start_matches(|c: char| pred(&c));
    (t.get(..t.len() - rest.len()).unwrap_or(""), rest)
}

/// `bytes` as text, each invalid UTF-8 sequence replaced by U+FFFD, as
/// `String::from_utf8_lossy` does (without its chunk iterator's code).
pub fn lossy(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                out.push_str(text);
                return out;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(good).unwrap_or_default());
                out.push(char::REPLACEMENT_CHARACTER);
                rest = bad.get(e.error_len().unwrap_or(bad.len())..).unwrap_or_default();
            }
        }
    }
}

/// An IPv4 address in dotted-quad form.
pub fn ipv4_text(o: [u8; 4]) -> String {
    let mut out = String::with_capacity(15);
    for (i, b) in o.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        push_decimal(&mut out, u32::from(*b));
    }
    out
}

fn push_decimal(out: &mut String, n: u32) {
    if n >= 10 {
        push_decimal(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// An IPv6 address as glibc's `inet_ntop` writes it: the longest run of
/// two or more zero groups (the first of equals) as `::`, and a dotted quad
/// for IPv4-mapped (`::ffff:a.b.c.d`) and IPv4-compatible (`::a.b.c.d`)
/// addresses, the latter except where the seventh group is zero (`::1`).
pub fn ipv6_text(o: [u8; 16]) -> String {
    let groups: [u16; 8] = std::array::from_fn(|i| u16::from_be_bytes([o[2 * i], o[2 * i + 1]]));
    let (mut best, mut best_len, mut run) = (0, 0, 0);
    for (i, &g) in groups.iter().enumerate() {
        run = if g == 0 { run + 1 } else { 0 };
        if run > best_len {
            (best, best_len) = (i + 1 - run, run);
        }
    }
    let quad = best == 0 && (best_len == 6 || (best_len == 5 && groups[5] == 0xffff));
    let mut out = String::with_capacity(39);
    let mut i = 0;
    while i < 8 {
        if best_len >= 2 && i == best {
            out.push_str(if i == 0 { "::" } else { ":" });
            i += best_len;
            continue;
        }
        if quad && i == 6 {
            out.push_str(&ipv4_text([o[12], o[13], o[14], o[15]]));
            break;
        }
        let g = groups[i];
        for shift in [12, 8, 4, 0] {
            if g >> shift != 0 || shift == 0 {
                out.push(char::from(HEX[usize::from((g >> shift) & 0xf)]));
            }
        }
        if i < 7 {
            out.push(':');
        }
        i += 1;
    }
    out
}

/// An address's bytes in network order, 4 or 16 of them, as netlink
/// attributes and neighbour keys carry them.
pub fn ip_octets(a: IpAddr) -> Vec<u8> {
    match a {
        IpAddr::V4(a) => a.octets().to_vec(),
        IpAddr::V6(a) => a.octets().to_vec(),
    }
}

/// An address as `inet_ntop` writes it.
pub fn ip_text(a: IpAddr) -> String {
    match a {
        IpAddr::V4(a) => ipv4_text(a.octets()),
        IpAddr::V6(a) => ipv6_text(a.octets()),
    }
}

/// An address as it stands before a `:port`: IPv6 in brackets (`[::1]`).
pub fn host_text(a: IpAddr) -> String {
    match a {
        IpAddr::V4(a) => ipv4_text(a.octets()),
        IpAddr::V6(a) => format!("[{}]", ipv6_text(a.octets())),
    }
}

/// A socket address as `inet_ntop` and a port make it (`1.2.3.4:80`,
/// `[::ffff:1.2.3.4]:80`), where core's `Display` writes IPv4-compatible
/// addresses in hex.
pub fn sock_text(a: SocketAddr) -> String {
    format!("{}:{}", host_text(a.ip()), a.port())
}

/// Displays an address as [`ip_text`] does (core's `Display` for
/// addresses also pads to a width, at three times the code).
pub struct Ip(pub IpAddr);

impl std::fmt::Display for Ip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&ip_text(self.0))
    }
}

/// An integer of at most 64 bits as `str::parse` reads it: an optional
/// sign (a minus only for signed types), digits and nothing else; `None`
/// for anything else or a value out of the type's range. One parser for
/// every integer type instead of core's copy for each.
pub fn int<T: TryFrom<i128>>(s: &str) -> Option<T> {
    int_radix(s, 10)
}

/// [`int`] in another radix (`from_str_radix`).
pub fn int_radix<T: TryFrom<i128>>(s: &str, radix: u32) -> Option<T> {
    let signed = T::try_from(-1).is_ok();
    T::try_from(int_any(s, radix, signed)?).ok()
}

fn int_any(s: &str, radix: u32, signed: bool) -> Option<i128> {
    let (neg, digits) = split_sign(s);
    if digits.is_empty() || (neg && !signed) {
        return None;
    }
    // Every type parsed here is at most 64 bits wide, so a magnitude that
    // does not fit a u64 is out of range (and u64 arithmetic is native).
    let mut v: u64 = 0;
    for c in digits.chars() {
        let d = u64::from(c.to_digit(radix)?);
        if v > (u64::MAX - d) / u64::from(radix) {
            return None;
        }
        v = v * u64::from(radix) + d;
    }
    Some(if neg { -i128::from(v) } else { i128::from(v) })
}

/// Bytes as two-digit lowercase hex numbers joined by colons
/// (`02:00:00:00:00:01`).
pub fn colon_hex(bytes: &[u8]) -> String {
    hex_joined(bytes, Some(':'))
}

/// Bytes as two-digit lowercase hex numbers, with `sep` between them if
/// given (`0a 1b`, or `0a1b` without).
pub fn hex_joined(bytes: &[u8], sep: Option<char>) -> String {
    let mut out = String::with_capacity(bytes.len() * 3);
    for (i, b) in bytes.iter().enumerate() {
        if let Some(sep) = sep.filter(|_| i > 0) {
            out.push(sep);
        }
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    out
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// A table of names indexed from 0, packed in one string and separated by
/// single spaces (two spaces in a row leave an index unnamed): a byte an
/// entry, where a `&[&str]` spends eight on each name's pointer and length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Names(pub &'static str);

impl Names {
    /// The name at `index` (empty when unnamed), or `None` past the end.
    pub fn get(self, index: usize) -> Option<&'static str> {
        let mut rest = self.0;
        for _ in 0..index {
            rest = rest.split_once(' ')?.1;
        }
        Some(rest.split_once(' ').map_or(rest, |(name, _)| name))
    }

    /// The names in index order.
    pub fn iter(self) -> std::str::Split<'static, char> {
        self.0.split(' ')
    }

    /// How many indexes the table names.
    pub fn count(self) -> usize {
        self.0.bytes().filter(|&b| b == b' ').count() + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_std() {
        for (hay, pat) in
            [("", "a"), ("abc", "bc"), ("a\\\nb\\\n", "\\\n"), ("%d%d", "%d"), ("vlan macvlan", "macvlan"), ("héllo", "llo"), ("aaa", "aa")]
        {
            assert_eq!(find(hay, pat), hay.find(pat), "{hay} {pat}");
            assert_eq!(replace(hay, pat, "xy"), hay.replace(pat, "xy"), "{hay} {pat}");
            assert_eq!(replacen(hay, pat, "xy", 1), hay.replacen(pat, "xy", 1), "{hay} {pat}");
        }
        assert_eq!(find("abc", ""), Some(0));
    }

    #[test]
    fn lossy_like_std() {
        for b in [&b"lo"[..], b"a\xffb", b"\xe2\x82", b"h\xc3\xa9\xc3", b"\xf0\x9f\x98\x80x\x80"] {
            assert_eq!(lossy(b), String::from_utf8_lossy(b));
        }
    }

    #[test]
    fn addresses_like_inet_ntop() {
        for (text, want) in [
            ("::", "::"),
            ("::1", "::1"),
            ("1::", "1::"),
            ("fe80::1", "fe80::1"),
            ("1:0:0:2::3", "1:0:0:2::3"),
            ("1:0:2:0:3:0:4:0", "1:0:2:0:3:0:4:0"),
            ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
            ("::ffff:1.2.3.4", "::ffff:1.2.3.4"),
            ("::1.2.3.4", "::1.2.3.4"),
            ("::0.0.1.2", "::102"),
            ("abcd:ef01:2345:6789:abcd:ef01:2345:6789", "abcd:ef01:2345:6789:abcd:ef01:2345:6789"),
            ("0:0:1::", "0:0:1::"),
            ("1:2:3:4:5:6:7:0", "1:2:3:4:5:6:7:0"),
        ] {
            let a: Ipv6Addr = text.parse().unwrap();
            assert_eq!(ipv6_text(a.octets()), want, "{text}");
        }
        assert_eq!(ipv4_text([10, 0, 255, 1]), "10.0.255.1");
        assert_eq!(colon_hex(&[2, 0xab, 0]), "02:ab:00");
        assert_eq!(Ip(IpAddr::V4(Ipv4Addr::new(0, 0, 0, 0))).to_string(), "0.0.0.0");
        let compat = IpAddr::V6(Ipv6Addr::from([0, 0, 0, 0, 0, 0, 0x0a00, 2]));
        assert_eq!(host_text(compat), "[::10.0.0.2]");
        assert_eq!(sock_text(SocketAddr::new(compat, 80)), "[::10.0.0.2]:80");
        assert_eq!(sock_text(SocketAddr::new(IpAddr::V4(Ipv4Addr::new(10, 0, 0, 2)), 8000)), "10.0.0.2:8000");
    }

    #[test]
    fn integers_like_std() {
        for t in
            ["0", "+7", "-7", "255", "256", "-0", "", "-", "+", "1a", " 1", "99999999999999999999999999999999999999999", "-128", "-129"]
        {
            assert_eq!(int::<u8>(t), t.parse::<u8>().ok(), "{t}");
            assert_eq!(int::<i8>(t), t.parse::<i8>().ok(), "{t}");
            assert_eq!(int::<u64>(t), t.parse::<u64>().ok(), "{t}");
            assert_eq!(int::<i64>(t), t.parse::<i64>().ok(), "{t}");
        }
        assert_eq!(int_radix::<u8>("ff", 16), Some(255));
        assert_eq!(int_radix::<u8>("1ff", 16), None);
    }

    #[test]
    fn packed_names() {
        let names = Names("UNSPEC  TWO");
        assert_eq!((names.get(0), names.get(1), names.get(2), names.get(3)), (Some("UNSPEC"), Some(""), Some("TWO"), None));
        assert_eq!(names.count(), 3);
        assert_eq!(names.iter().collect::<Vec<_>>(), ["UNSPEC", "", "TWO"]);
    }

    #[test]
    fn c_number_pieces() {
        assert_eq!(split_sign("-12"), (true, "12"));
        assert_eq!(split_sign("+12"), (false, "12"));
        assert_eq!(split_sign("12"), (false, "12"));
        assert_eq!(after_0x("0x1f"), Some("1f"));
        assert_eq!(after_0x("0Xg"), None);
        assert_eq!(after_0x("0x"), None);
        assert_eq!(split_while("12ab", char::is_ascii_digit), ("12", "ab"));
        assert_eq!(split_while("é1", char::is_ascii_digit), ("", "é1"));
    }

    #[test]
    fn addresses_like_std() {
        let mut cases: Vec<String> = [
            "",
            "1.2.3.4",
            "01.2.3.4",
            "0.0.0.0",
            "255.255.255.255",
            "256.1.1.1",
            "1.2.3",
            "1.2.3.4.5",
            "1.2.3.4 ",
            " 1.2.3.4",
            "1..2.3",
            "1.2.3.04",
            "1.2.3.0",
            "1234.1.1.1",
            "::",
            ":",
            ":::",
            "::1",
            "1::",
            "1::2",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7::",
            "::1:2:3:4:5:6:7",
            "::1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6::7:8",
            "::ffff:1.2.3.4",
            "::1.2.3.4",
            "1.2.3.4::",
            "1:2:3:4:5:6:1.2.3.4",
            "1:2:3:4:5:6:7:1.2.3.4",
            "1:2:3:4:5::1.2.3.4",
            "::1.2.3.4:5",
            "fe80::1",
            "FE80::ABCD",
            "12345::",
            "0000:0000::00000",
            "1::2::3",
            "::01.2.3.4",
            "a:b:c:d:e:f:a:b",
            "g::",
            "::g",
            "1:2:3:4:5:6:7:8::",
            "::1:2:3:4:5:6:1.2.3.4",
            "1::1.2.3.4",
            "1:2:3:4:5:6:7::8",
            ":1::",
            "1:",
            "1::2:",
            "fe80::1%eth0",
            "0:0:0:0:0:0:0:0",
            "::0.0.0.0",
            "::255.255.255.256",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Pseudo-random strings over the characters that matter.
        let alphabet = b"0123456789abcdefF:.:.:";
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = (x % 24) as usize;
            let s: String = (0..len).map(|k| alphabet[((x >> (k % 50)) as usize + k * 7) % alphabet.len()] as char).collect();
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            cases.push(s);
        }
        // Single edits of the listed strings.
        let base: Vec<String> = cases[..55.min(cases.len())].to_vec();
        for b in &base {
            for k in 0..=b.len() {
                for &ch in b"0:.f9" {
                    let mut e = b.clone().into_bytes();
                    e.insert(k, ch);
                    cases.push(String::from_utf8(e).unwrap());
                    if k < b.len() {
                        let mut e = b.clone().into_bytes();
                        e[k] = ch;
                        cases.push(String::from_utf8(e).unwrap());
                    }
                }
                if k < b.len() {
                    let mut e = b.clone().into_bytes();
                    e.remove(k);
                    cases.push(String::from_utf8(e).unwrap());
                }
            }
        }
        let valid = cases.iter().filter(|c| c.parse::<IpAddr>().is_ok()).count();
        assert!(valid > 1000, "{valid}");
        for c in &cases {
            assert_eq!(parse_ipv4(c), c.parse::<Ipv4Addr>().ok(), "{c:?}");
            assert_eq!(parse_ipv6(c), c.parse::<Ipv6Addr>().ok(), "{c:?}");
            assert_eq!(parse_ip(c), c.parse::<IpAddr>().ok(), "{c:?}");
        }
    }
}
