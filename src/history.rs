//! The history of a world: every operation that changed (or could have
//! changed) its state, in order. Because the simulation is deterministic,
//! replaying a history on a fresh world rebuilds the same state byte for
//! byte; that is what a snapshot is.

use crate::stack::NsId;

/// One state-changing operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// A datagram holding at least one non-GET request, sent on a socket of
    /// a namespace with the given privilege.
    Datagram {
        /// The socket's namespace.
        ns: u32,
        /// Whether the socket had CAP_NET_ADMIN.
        privileged: bool,
        /// The bytes sent.
        bytes: Vec<u8>,
    },
    /// A datagram holding an nfnetlink batch, sent on a NETLINK_NETFILTER
    /// socket of a namespace with the given privilege.
    NfDatagram {
        /// The socket's namespace.
        ns: u32,
        /// Whether the socket had CAP_NET_ADMIN.
        privileged: bool,
        /// The bytes sent.
        bytes: Vec<u8>,
    },
    /// `ip netns add NAME`.
    NetnsAdd(String),
    /// `ip netns del NAME`.
    NetnsDel(String),
    /// A sysctl write in a namespace.
    Sysctl {
        /// The namespace.
        ns: u32,
        /// The key.
        key: String,
        /// The value written.
        value: String,
    },
    /// The virtual clock moved forward.
    Advance(u64),
    /// A program that sends packets (`ping`, `traceroute`) ran in a
    /// namespace: its neighbour entries, counters and clock are state too.
    Program {
        /// The namespace.
        ns: u32,
        /// The program's name and arguments.
        argv: Vec<String>,
    },
    /// A background job (`CMD &`: a listener, a capture) started in a
    /// namespace; a restored world starts it again, so its sockets are
    /// there.
    Job {
        /// The namespace.
        ns: u32,
        /// The program's name and arguments.
        argv: Vec<String>,
    },
    /// The `n`-th job of the history (from 0) ended (it finished or was
    /// killed); a restored world stops it there.
    JobEnd(u32),
}

/// A snapshot of a world: the operations that built it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snapshot {
    /// Operations, oldest first.
    pub ops: Vec<Op>,
}

impl Snapshot {
    /// Snapshot format version, for serialised forms. Version 2 ends with
    /// a line `end OPS BYTES CRC32` over everything before it; version 1
    /// (no such line) is still read.
    pub const VERSION: u32 = 2;

    /// The versions [`Snapshot::from_text`] reads.
    pub const READS: [u32; 2] = [1, 2];

    /// A compact text form (one operation a line) for URLs and files,
    /// closed by a line with the number of operations, the length and a
    /// CRC-32 of the text before it, so that a cut or altered copy is
    /// refused instead of restoring a smaller world.
    pub fn to_text(&self) -> String {
        let mut out = format!("iplab-snapshot {}\n", Snapshot::VERSION);
        for op in &self.ops {
            let line = match op {
                Op::Datagram { ns, privileged, bytes } => format!("d {ns} {} {}", u8::from(*privileged), hex(bytes)),
                Op::NfDatagram { ns, privileged, bytes } => format!("n {ns} {} {}", u8::from(*privileged), hex(bytes)),
                // Names and values that would break their line (or, for a
                // key, its fields) go in hex under the capital letter.
                Op::NetnsAdd(n) if fits_line(n) => format!("a {n}"),
                Op::NetnsAdd(n) => format!("A {}", hex(n.as_bytes())),
                Op::NetnsDel(n) if fits_line(n) => format!("r {n}"),
                Op::NetnsDel(n) => format!("R {}", hex(n.as_bytes())),
                Op::Sysctl { ns, key, value } if fits_line(key) && !key.contains(' ') && fits_line(value) => {
                    format!("s {ns} {key} {value}")
                }
                Op::Sysctl { ns, key, value } => format!("S {ns} {} {}", hex(key.as_bytes()), hex(value.as_bytes())),
                Op::Advance(ms) => format!("t {ms}"),
                Op::Program { ns, argv } => format!("p {ns} {}", hex(argv.join("\0").as_bytes())),
                Op::Job { ns, argv } => format!("j {ns} {}", hex(argv.join("\0").as_bytes())),
                Op::JobEnd(n) => format!("J {n}"),
            };
            out.push_str(&line);
            out.push('\n');
        }
        sealed(out, self.ops.len())
    }

    /// `text` (a version 2 [`Snapshot::to_text`]) with `ops` appended and
    /// its end line made anew: how a file that grows with a world's history
    /// is saved without writing every operation again. Fails as
    /// [`Snapshot::from_text`] does when `text` is damaged.
    pub fn append_to_text(text: &str, ops: &[Op]) -> Result<String, String> {
        let (count, _, _) = seal_of(text).ok_or("damaged snapshot: it is cut short (its end line is missing)")?;
        let mut out = checked_body(text)?.to_string();
        let added = Snapshot { ops: ops.to_vec() }.to_text();
        // The added operations' lines: after the header, before the end line.
        let lines = added.split_once('\n').map_or("", |(_, rest)| rest);
        if let Some((body, _end)) = lines.trim_end_matches('\n').rsplit_once('\n') {
            out.push_str(body);
            out.push('\n');
        }
        Ok(sealed(out, count + ops.len()))
    }

    /// Parses [`Snapshot::to_text`] output (version 2, checked against its
    /// end line, or version 1).
    pub fn from_text(text: &str) -> Result<Snapshot, String> {
        let header = text.lines().next().unwrap_or("").trim();
        let body = match header {
            "iplab-snapshot 1" => text,
            "iplab-snapshot 2" => checked_body(text)?,
            h if h.starts_with("iplab-snapshot ") => {
                return Err(format!("unsupported snapshot version {} (this build reads versions 1 and 2)", &h[15..]));
            }
            _ => return Err("not an iplab snapshot (bad header)".into()),
        };
        let snap = Snapshot::parse_ops(body)?;
        if header.ends_with('2') {
            let want = seal_of(text).map(|(ops, _, _)| ops).unwrap_or(0);
            if snap.ops.len() != want {
                return Err(format!("damaged snapshot: {} operations where its end line says {want}", snap.ops.len()));
            }
        }
        Ok(snap)
    }

    /// The operations of a snapshot's text after its header line.
    fn parse_ops(text: &str) -> Result<Snapshot, String> {
        let mut lines = text.lines();
        lines.next();
        let mut ops = Vec::new();
        for (i, line) in lines.enumerate() {
            let bad = || format!("snapshot line {}: malformed", i + 2);
            let mut parts = line.splitn(4, ' ');
            let op = match parts.next() {
                Some("d") => {
                    let ns = parts.next().and_then(crate::text::int).ok_or_else(bad)?;
                    let privileged = parts.next().ok_or_else(bad)? == "1";
                    let bytes = unhex(parts.next().ok_or_else(bad)?).ok_or_else(bad)?;
                    Op::Datagram { ns, privileged, bytes }
                }
                Some("n") => {
                    let ns = parts.next().and_then(crate::text::int).ok_or_else(bad)?;
                    let privileged = parts.next().ok_or_else(bad)? == "1";
                    let bytes = unhex(parts.next().ok_or_else(bad)?).ok_or_else(bad)?;
                    Op::NfDatagram { ns, privileged, bytes }
                }
                // A name is the rest of the line: `ip netns add "a b"` is one name.
                Some("a") => Op::NetnsAdd(line.get(2..).filter(|n| !n.is_empty()).ok_or_else(bad)?.to_string()),
                Some("r") => Op::NetnsDel(line.get(2..).filter(|n| !n.is_empty()).ok_or_else(bad)?.to_string()),
                Some("A") => Op::NetnsAdd(unhex_text(parts.next()).filter(|n| !n.is_empty()).ok_or_else(bad)?),
                Some("R") => Op::NetnsDel(unhex_text(parts.next()).filter(|n| !n.is_empty()).ok_or_else(bad)?),
                Some("S") => {
                    let ns = parts.next().and_then(crate::text::int).ok_or_else(bad)?;
                    let key = unhex_text(parts.next()).ok_or_else(bad)?;
                    let value = unhex_text(parts.next()).ok_or_else(bad)?;
                    Op::Sysctl { ns, key, value }
                }
                Some("s") => {
                    let ns = parts.next().and_then(crate::text::int).ok_or_else(bad)?;
                    let key = parts.next().ok_or_else(bad)?.to_string();
                    let value = parts.next().unwrap_or("").to_string();
                    Op::Sysctl { ns, key, value }
                }
                Some("t") => Op::Advance(parts.next().and_then(crate::text::int).ok_or_else(bad)?),
                Some("p") => {
                    let ns = parts.next().and_then(crate::text::int).ok_or_else(bad)?;
                    let bytes = unhex(parts.next().ok_or_else(bad)?).ok_or_else(bad)?;
                    let text = String::from_utf8(bytes).map_err(|_| bad())?;
                    Op::Program { ns, argv: text.split('\0').map(str::to_string).collect() }
                }
                Some("j") => {
                    let ns = parts.next().and_then(crate::text::int).ok_or_else(bad)?;
                    let bytes = unhex(parts.next().ok_or_else(bad)?).ok_or_else(bad)?;
                    let text = String::from_utf8(bytes).map_err(|_| bad())?;
                    Op::Job { ns, argv: text.split('\0').map(str::to_string).collect() }
                }
                Some("J") => Op::JobEnd(parts.next().and_then(crate::text::int).ok_or_else(bad)?),
                Some("") | None => continue,
                Some(_) => return Err(bad()),
            };
            ops.push(op);
        }
        Ok(Snapshot { ops })
    }
}

/// The end line of a version 2 text (operations, length of the text
/// before it, CRC-32 of that text), None when it has none.
pub fn end_of_text(text: &str) -> Option<(usize, usize, u32)> {
    seal_of(text)
}

/// What a version 2 text whose end line reads `end` (see [`end_of_text`])
/// becomes with `ops` appended, without reading it again: the lines that
/// replace its end line, and the new end line's numbers. How the preload
/// shim's state file grows in place by a request at a time.
pub fn extend_text(end: (usize, usize, u32), ops: &[Op]) -> (String, (usize, usize, u32)) {
    let (count, len, crc) = end;
    let added = Snapshot { ops: ops.to_vec() }.to_text();
    // The added operations' lines: after the header, before the end line.
    let lines = added.split_once('\n').map_or("", |(_, rest)| rest);
    let mut body = lines.trim_end_matches('\n').rsplit_once('\n').map_or(String::new(), |(b, _)| b.to_string() + "\n");
    let new_end = (count + ops.len(), len + body.len(), crc32_continue(crc, body.as_bytes()));
    body.push_str(&end_line(new_end));
    (body, new_end)
}

/// The end line for a text's numbers (see [`end_of_text`]).
fn end_line((ops, len, crc): (usize, usize, u32)) -> String {
    format!("end {ops} {len} {crc:08x}\n")
}

/// `body` (a version 2 text up to its end line) closed by its end line:
/// the number of operations, the body's length and its CRC-32.
fn sealed(mut body: String, ops: usize) -> String {
    let seal = end_line((ops, body.len(), crc32(body.as_bytes())));
    body.push_str(&seal);
    body
}

/// The end line of a version 2 text: operations, length, CRC-32.
fn seal_of(text: &str) -> Option<(usize, usize, u32)> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    let last = body.rsplit('\n').next()?;
    let mut f = last.strip_prefix("end ")?.split(' ');
    let ops = crate::text::int(f.next()?)?;
    let len = crate::text::int(f.next()?)?;
    let crc = crate::text::int_radix(f.next()?, 16)?;
    f.next().is_none().then_some((ops, len, crc))
}

/// The text of a version 2 snapshot before its end line, once the line's
/// length and checksum agree with it.
fn checked_body(text: &str) -> Result<&str, String> {
    let Some((_, len, crc)) = seal_of(text) else {
        return Err("damaged snapshot: it is cut short (its end line is missing)".into());
    };
    let body = text.get(..len).filter(|b| b.ends_with('\n') && text[len..].starts_with("end ")).ok_or_else(|| {
        format!("damaged snapshot: its end line says {len} bytes before it, but there are {}", text.rfind("\nend ").map_or(0, |k| k + 1))
    })?;
    if crc32(body.as_bytes()) != crc {
        return Err("damaged snapshot: its checksum does not match (the text was altered)".into());
    }
    Ok(body)
}

/// CRC-32 (IEEE 802.3, as zlib computes it), a byte at a time from a
/// table: the preload shim checks its whole state file at every process.
pub fn crc32(bytes: &[u8]) -> u32 {
    crc32_continue(0, bytes)
}

/// The CRC-32 of a text that continues one whose CRC-32 is `crc` with
/// `bytes`.
pub fn crc32_continue(crc: u32, bytes: &[u8]) -> u32 {
    let table = crc32_table();
    let mut crc = !crc;
    for &b in bytes {
        crc = (crc >> 8) ^ table[usize::from((crc as u8) ^ b)];
    }
    !crc
}

/// The CRC-32 of each byte value (polynomial 0xEDB88320, reflected), made
/// on first use rather than stored in the module.
fn crc32_table() -> &'static [u32; 256] {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [0u32; 256];
        for (i, slot) in (0u32..).zip(table.iter_mut()) {
            let mut crc = i;
            for _ in 0..8 {
                crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
            *slot = crc;
        }
        table
    })
}

/// Whether `text` can end a snapshot line and read back the same: no line
/// break (`str::lines` also drops a `\r` before the `\n`).
fn fits_line(text: &str) -> bool {
    !text.contains(['\n', '\r'])
}

/// The UTF-8 text whose bytes `hex` spells.
fn unhex_text(hex: Option<&str>) -> Option<String> {
    String::from_utf8(unhex(hex?)?).ok()
}

fn hex(bytes: &[u8]) -> String {
    crate::text::hex_joined(bytes, None)
}

/// Bytes from pairs of hex digits, either case. A pair may also be `+`
/// and a digit, as `u8::from_str_radix` reads it (which this reading
/// has always followed; [`hex`] never writes one).
fn unhex(hex: &str) -> Option<Vec<u8>> {
    let digit = |c: u8| char::from(c).to_digit(16).and_then(|d| u8::try_from(d).ok());
    hex.as_bytes()
        .chunks(2)
        .map(|pair| match *pair {
            [b'+', lo] => digit(lo),
            [hi, lo] => Some(digit(hi)? << 4 | digit(lo)?),
            _ => None,
        })
        .collect()
}

/// Whether a datagram holds a request that may change state: not a GET,
/// except a route lookup (RTM_GETROUTE without NLM_F_DUMP), which marks
/// the bucket of a resilient next-hop group it goes through as used
/// (`nh_res_bucket_set_busy`).
pub fn may_change_state(datagram: &[u8]) -> bool {
    use crate::wire::{NLM_F_DUMP, rtm_types::RTM_GETROUTE};
    crate::wire::header::MessageIter::new(datagram).flatten().any(|m| {
        let h = &m.header;
        (h.kind >= 16 && h.kind & 3 != 2) || (h.kind == RTM_GETROUTE && h.flags & NLM_F_DUMP != NLM_F_DUMP)
    })
}

/// The namespace id as stored in a history.
pub fn ns_key(ns: NsId) -> u32 {
    ns.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_reads_as_from_str_radix_reads_each_pair() {
        let by_pairs = |h: &str| -> Option<Vec<u8>> {
            if h.len() % 2 != 0 {
                return None;
            }
            (0..h.len() / 2).map(|k| u8::from_str_radix(h.get(2 * k..2 * k + 2)?, 16).ok()).collect()
        };
        for h in ["", "00", "0aFf", "+f", "+f0a", "-1", "0", "abc", "g0", "0x", "é0", "0é", "ff\u{0}0", "++", "+", " 1"] {
            assert_eq!(unhex(h), by_pairs(h), "{h:?}");
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(unhex(&hex(&all)), Some(all));
        assert_eq!(hex(&[0, 0xab, 0x10]), "00ab10");
    }

    fn sample() -> Snapshot {
        Snapshot {
            ops: vec![
                Op::NetnsAdd("red".into()),
                Op::Sysctl { ns: 1, key: "net.ipv4.ip_forward".into(), value: "1".into() },
                Op::Datagram { ns: 0, privileged: true, bytes: vec![1, 2, 3] },
                Op::Advance(1500),
            ],
        }
    }

    #[test]
    fn text_round_trips_with_its_end_line() {
        let text = sample().to_text();
        assert!(text.starts_with("iplab-snapshot 2\n"));
        assert!(text.lines().last().is_some_and(|l| l.starts_with("end 4 ")));
        assert_eq!(Snapshot::from_text(&text), Ok(sample()));
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32_continue(crc32(b"1234"), b"56789"), 0xCBF4_3926);
    }

    #[test]
    fn every_cut_or_altered_text_is_refused() {
        let text = sample().to_text();
        for cut in 1..text.len() - 1 {
            let short = &text[..cut];
            let r = Snapshot::from_text(short);
            assert!(r.is_err(), "a text cut at {cut} was accepted: {short:?}");
        }
        assert!(Snapshot::from_text(&text[..text.len() - 1]).is_ok(), "only the last newline may go");
        let altered = text.replacen("ip_forward 1", "ip_forward 0", 1);
        assert_eq!(Snapshot::from_text(&altered), Err("damaged snapshot: its checksum does not match (the text was altered)".into()));
        let r = Snapshot::from_text(&text[..text.find("end").unwrap_or(0)]);
        assert_eq!(r, Err("damaged snapshot: it is cut short (its end line is missing)".into()));
        assert!(Snapshot::from_text("iplab-snapshot 3\n").unwrap_err().contains("unsupported snapshot version 3"));
    }

    #[test]
    fn appending_gives_the_text_of_the_whole_history() {
        let all = sample();
        for split in 0..=all.ops.len() {
            let head = Snapshot { ops: all.ops[..split].to_vec() }.to_text();
            assert_eq!(Snapshot::append_to_text(&head, &all.ops[split..]), Ok(all.to_text()), "split at {split}");
        }
        let damaged = all.to_text().replacen("ip_forward 1", "ip_forward 0", 1);
        assert!(Snapshot::append_to_text(&damaged, &all.ops).is_err());
    }

    #[test]
    fn extending_in_place_gives_the_text_of_the_whole_history() {
        let all = sample();
        for split in 0..=all.ops.len() {
            let head = Snapshot { ops: all.ops[..split].to_vec() }.to_text();
            let end = end_of_text(&head).expect("an end line");
            let (tail, new_end) = extend_text(end, &all.ops[split..]);
            let grown = head[..end.1].to_string() + &tail;
            assert_eq!(grown, all.to_text(), "split at {split}");
            assert_eq!(end_of_text(&grown), Some(new_end));
        }
    }

    #[test]
    fn version_one_texts_still_restore() {
        let old = "iplab-snapshot 1\na red\ns 1 net.ipv4.ip_forward 1\nd 0 1 010203\nt 1500\n";
        assert_eq!(Snapshot::from_text(old), Ok(sample()));
    }

    #[test]
    fn namespace_names_with_spaces_read_back_whole() {
        // `ip netns add "blue net"` is one namespace, on Linux and after a restore.
        let snapshot =
            Snapshot { ops: vec![Op::NetnsAdd("blue net".into()), Op::NetnsAdd(" x  y ".into()), Op::NetnsDel("blue net".into())] };
        assert_eq!(Snapshot::from_text(&snapshot.to_text()), Ok(snapshot));
        assert_eq!(Snapshot::from_text("iplab-snapshot 1\na \n"), Err("snapshot line 2: malformed".into()));
        assert_eq!(Snapshot::from_text("iplab-snapshot 1\nA 00zz\n"), Err("snapshot line 2: malformed".into()));
        assert_eq!(Snapshot::from_text("iplab-snapshot 1\na\n"), Err("snapshot line 2: malformed".into()));
    }

    #[test]
    fn clock_lines_cannot_overflow_the_clock() {
        // Two clock lines of u64::MAX and a ping after them.
        let ping = Op::Program { ns: 0, argv: ["ping", "-c", "1", "127.0.0.1"].map(String::from).to_vec() };
        let snapshot = Snapshot { ops: vec![Op::Advance(u64::MAX), Op::Advance(u64::MAX), ping] };
        let text = snapshot.to_text();
        let world = crate::World::restore(&Snapshot::from_text(&text).expect("parses"));
        assert_eq!(world.with_net(|n| n.now_ms), crate::stack::Net::MAX_CLOCK_MS);
    }

    #[test]
    fn line_breaks_in_names_keys_and_values_read_back() {
        // Reachable through the socket API and the shim, not the shell.
        let snapshot = Snapshot {
            ops: vec![
                Op::NetnsAdd("a\nb".into()),
                Op::NetnsAdd("c\r".into()),
                Op::Sysctl { ns: 1, key: "net.ipv4.ip_forward".into(), value: "1\n".into() },
                Op::Sysctl { ns: 1, key: "a b".into(), value: "x\r\ny".into() },
                Op::NetnsDel("a\nb".into()),
            ],
        };
        let text = snapshot.to_text();
        assert_eq!(text.lines().count(), 7, "{text}");
        assert_eq!(Snapshot::from_text(&text), Ok(snapshot));
        // Plain names keep their readable lines.
        assert!(Snapshot { ops: vec![Op::NetnsAdd("red".into())] }.to_text().contains("\na red\n"));
    }
}
