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
}

/// A snapshot of a world: the operations that built it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snapshot {
    /// Operations, oldest first.
    pub ops: Vec<Op>,
}

impl Snapshot {
    /// Snapshot format version, for serialised forms.
    pub const VERSION: u32 = 1;

    /// A compact text form (one operation a line) for URLs and files.
    pub fn to_text(&self) -> String {
        let mut out = format!("iplab-snapshot {}\n", Snapshot::VERSION);
        for op in &self.ops {
            let line = match op {
                Op::Datagram { ns, privileged, bytes } => format!("d {ns} {} {}", u8::from(*privileged), hex(bytes)),
                Op::NetnsAdd(n) => format!("a {n}"),
                Op::NetnsDel(n) => format!("r {n}"),
                Op::Sysctl { ns, key, value } => format!("s {ns} {key} {value}"),
                Op::Advance(ms) => format!("t {ms}"),
                Op::Program { ns, argv } => format!("p {ns} {}", hex(argv.join("\0").as_bytes())),
            };
            out.push_str(&line);
            out.push('\n');
        }
        out
    }

    /// Parses [`Snapshot::to_text`] output.
    pub fn from_text(text: &str) -> Result<Snapshot, String> {
        let mut lines = text.lines();
        match lines.next() {
            Some(h) if h.trim() == format!("iplab-snapshot {}", Snapshot::VERSION) => {}
            _ => return Err("not an iplab snapshot (bad header)".into()),
        }
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
                Some("a") => Op::NetnsAdd(parts.next().ok_or_else(bad)?.to_string()),
                Some("r") => Op::NetnsDel(parts.next().ok_or_else(bad)?.to_string()),
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
                Some("") | None => continue,
                Some(_) => return Err(bad()),
            };
            ops.push(op);
        }
        Ok(Snapshot { ops })
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(hex: &str) -> Option<Vec<u8>> {
    if hex.len() % 2 != 0 {
        return None;
    }
    (0..hex.len() / 2).map(|k| crate::text::int_radix(hex.get(2 * k..2 * k + 2)?, 16)).collect()
}

/// Whether a datagram holds a request that may change state (not a GET).
pub fn may_change_state(datagram: &[u8]) -> bool {
    crate::wire::header::MessageIter::new(datagram)
        .flatten()
        .any(|m| m.header.kind >= 16 && m.header.kind & 3 != 2)
}

/// The namespace id as stored in a history.
pub fn ns_key(ns: NsId) -> u32 {
    ns.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_lines_cannot_overflow_the_clock() {
        let text = "iplab-snapshot 1\nt 18446744073709551615\nt 18446744073709551615\np 0 70696e67002d630031003132372e302e302e31\n";
        let snapshot = Snapshot::from_text(text).expect("parses");
        let world = crate::World::restore(&snapshot);
        assert_eq!(world.with_net(|n| n.now_ms), crate::stack::Net::MAX_CLOCK_MS);
    }
}
