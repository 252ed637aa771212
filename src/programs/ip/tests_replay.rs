//! End-to-end tests of the printers: replies captured from Linux 6.18
//! (`IP_REAL_TRACE=1 examples/ip_real`) are replayed by a fake kernel, and
//! the output must equal what iproute2 6.1 printed for the same state.

use std::collections::BTreeMap;

use crate::errno::Errno;
use crate::host::{Host, NetlinkSocket, SockOpt};
use crate::output::Output;
use crate::wire::header::HeaderRepr;

/// Captured RTM_NEWLINK/RTM_NEWADDR messages of a namespace with lo up.
const LO_UP: &str = include_str!("testdata/lo_up.msgs");

/// A kernel that answers from a fixed set of messages.
struct Replay {
    links: Vec<Vec<u8>>,
    addrs: Vec<Vec<u8>>,
    pid: u32,
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len() / 2).filter_map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok()).collect()
}

fn with_header(mut msg: Vec<u8>, seq: u32, pid: u32, flags: u16) -> Vec<u8> {
    msg[6..8].copy_from_slice(&flags.to_ne_bytes());
    msg[8..12].copy_from_slice(&seq.to_ne_bytes());
    msg[12..16].copy_from_slice(&pid.to_ne_bytes());
    msg
}

fn error(req: &HeaderRepr, errno: i32, pid: u32) -> Vec<u8> {
    let mut m = HeaderRepr { len: 36, kind: 2, flags: 0x100, seq: req.seq, pid }.to_bytes().to_vec();
    m.extend_from_slice(&(-errno).to_ne_bytes());
    m.extend_from_slice(&req.to_bytes());
    m
}

/// An error echoing the whole request, with an extended-ack message.
fn error_extack(req: &HeaderRepr, datagram: &[u8], errno: i32, msg: &str, pid: u32) -> Vec<u8> {
    use crate::wire::NlaWriter;
    let request = &datagram[..(req.len as usize).min(datagram.len())];
    let mut m = HeaderRepr { len: 0, kind: 2, flags: 0x200, seq: req.seq, pid }.to_bytes().to_vec();
    m.extend_from_slice(&(-errno).to_ne_bytes());
    m.extend_from_slice(request);
    m.resize(crate::wire::align4(m.len()), 0);
    m.put_str(1, msg);
    let len = m.len() as u32;
    m[0..4].copy_from_slice(&len.to_ne_bytes());
    m
}

impl NetlinkSocket for Replay {
    fn send(&mut self, datagram: &[u8]) -> Vec<Vec<u8>> {
        let Ok(h) = HeaderRepr::parse(datagram) else { return Vec::new() };
        let dump = h.flags & 0x300 == 0x300;
        let index = crate::wire::get_i32(datagram, 20).unwrap_or(0);
        match (h.kind, dump) {
            (16, _) if h.len <= 32 => vec![error(&h, 19, self.pid)],
            (16, _) => vec![error_extack(&h, datagram, 95, "Unknown device type", self.pid)],
            (18, true) | (22, true) => {
                let src = if h.kind == 18 { &self.links } else { &self.addrs };
                let mut v: Vec<Vec<u8>> = src.iter().map(|m| with_header(m.clone(), h.seq, self.pid, 2)).collect();
                let mut done = HeaderRepr { len: 20, kind: 3, flags: 2, seq: h.seq, pid: self.pid }.to_bytes().to_vec();
                done.extend_from_slice(&0i32.to_ne_bytes());
                v.push(done);
                v
            }
            (18, false) => {
                // By index, or by IFLA_IFNAME ("lo" is the only link).
                let by_name = datagram.windows(3).any(|w| w == b"lo\0");
                let hit = self.links.iter().find(|m| crate::wire::get_i32(m, 20) == Some(index));
                match hit.or(if by_name { self.links.first() } else { None }) {
                    Some(m) => vec![with_header(m.clone(), h.seq, self.pid, 0)],
                    None => vec![error(&h, 19, self.pid)],
                }
            }
            _ => vec![error(&h, 95, self.pid)],
        }
    }
    fn drain(&mut self) -> Vec<Vec<u8>> {
        Vec::new()
    }
    fn port_id(&self) -> u32 {
        self.pid
    }
    fn set_option(&mut self, _: SockOpt) -> Result<(), Errno> {
        Ok(())
    }
}

struct ReplayHost {
    msgs: BTreeMap<&'static str, Vec<Vec<u8>>>,
    next_pid: u32,
}

impl ReplayHost {
    fn new(fixture: &'static str) -> ReplayHost {
        let mut msgs: BTreeMap<&'static str, Vec<Vec<u8>>> = BTreeMap::new();
        for line in fixture.lines() {
            if let Some((kind, h)) = line.split_once(' ') {
                msgs.entry(if kind == "link" { "link" } else { "addr" }).or_default().push(hex(h));
            }
        }
        ReplayHost { msgs, next_pid: 1000 }
    }
}

impl Host for ReplayHost {
    fn socket(&mut self, _: Option<&str>) -> Result<Box<dyn NetlinkSocket>, Errno> {
        self.next_pid += 1;
        Ok(Box::new(Replay {
            links: self.msgs.get("link").cloned().unwrap_or_default(),
            addrs: self.msgs.get("addr").cloned().unwrap_or_default(),
            pid: self.next_pid,
        }))
    }
    fn netns_list(&self) -> Vec<String> {
        Vec::new()
    }
    fn netns_add(&mut self, _: &str) -> Result<(), Errno> {
        Err(Errno::EPERM)
    }
    fn netns_del(&mut self, _: &str) -> Result<(), Errno> {
        Err(Errno::EPERM)
    }
    fn netns_fd(&mut self, _: &str) -> Result<u32, Errno> {
        Err(Errno::ENOENT)
    }
    fn current_netns(&self) -> Option<String> {
        None
    }
    fn set_current_netns(&mut self, ns: Option<&str>) -> Result<(), Errno> {
        if ns.is_some() { Err(Errno::ENOENT) } else { Ok(()) }
    }
    fn sysctl_get(&self, _: &str) -> Result<String, Errno> {
        Err(Errno::ENOENT)
    }
    fn sysctl_set(&mut self, _: &str, _: &str) -> Result<(), Errno> {
        Err(Errno::ENOENT)
    }
    fn sysctl_keys(&self) -> Vec<String> {
        Vec::new()
    }
}

fn ip(line: &str) -> (i32, String, String) {
    let mut host = ReplayHost::new(LO_UP);
    let args: Vec<String> = line.split_whitespace().map(String::from).collect();
    let mut out = Output::new();
    let st = super::run(&mut host, &args, &mut out);
    (st, out.stdout(), out.stderr())
}

#[test]
fn address_listing_matches_iproute2() {
    assert_eq!(ip("addr").1, include_str!("testdata/lo_up.addr.txt"));
    assert_eq!(ip("a show dev lo").1, include_str!("testdata/lo_up.addr.txt"));
    assert_eq!(ip("-j addr").1, include_str!("testdata/lo_up.addr_j.txt"));
    assert_eq!(ip("-o addr").1, include_str!("testdata/lo_up.addr_o.txt"));
    assert_eq!(ip("-c addr").1, include_str!("testdata/lo_up.addr_c.txt"));
}

#[test]
fn link_listing_matches_iproute2() {
    assert_eq!(ip("-br link").1, include_str!("testdata/lo_up.link_br.txt"));
    assert_eq!(ip("-d -s link").1, include_str!("testdata/lo_up.link_ds.txt"));
    assert_eq!(ip("-j -p -s -s link").1, include_str!("testdata/lo_up.link_jpss.txt"));
}

#[test]
fn errors_and_statuses() {
    assert_eq!(ip("frob"), (1, String::new(), "Object \"frob\" is unknown, try \"ip help\".\n".into()));
    assert_eq!(ip("link frob"), (255, String::new(), "Command \"frob\" is unknown, try \"ip link help\".\n".into()));
    assert_eq!(ip("link show dev eth9"), (1, String::new(), "Device \"eth9\" does not exist.\n".into()));
    assert_eq!(ip("l s eth9 up"), (1, String::new(), "Cannot find device \"eth9\"\n".into()));
    assert_eq!(ip("help").0, 255);
    assert_eq!(ip("link help").2, super::usage::LINK);
    assert_eq!(ip("addr help").2, super::usage::ADDRESS);
    assert_eq!(ip("-n nosuch link"), (255, String::new(), "Cannot open network namespace \"nosuch\": No such file or directory\n".into()));
    assert_eq!(ip("addr flush"), (1, String::new(), "Flush requires arguments.\n".into()));
    assert_eq!(ip("link add x type frob"), (2, String::new(), "Error: Unknown device type.\n".into()));
}
