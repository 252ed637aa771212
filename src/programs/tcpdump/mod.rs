//! `tcpdump` 4.99 over capture taps: `-i DEV|any`, `-n`, `-e`, `-v`, `-q`,
//! `-c N`, `-t`/`-tt`, `-x`/`-X`/`-A` dumps, a filter expression, `-w FILE` to save a pcap in
//! the machine's files and `-r FILE` to read one back.

pub mod filter;
pub mod hex;
pub mod pcap;
pub mod print;

use crate::output::Output;
use crate::sim::capture::Frame;
use crate::sim::getopt::{GetoptError, getopt};
use crate::sim::process::{Program, Step};
use crate::sim::socket::Sys;

#[derive(Debug, Clone, Default)]
struct Options {
    iface: Option<String>,
    count: Option<u64>,
    ethernet: bool,
    verbose: bool,
    numeric: bool,
    quiet: bool,
    stamp: u8,
    write: Option<String>,
    read: Option<String>,
    filter: Option<filter::Expr>,
    dump: hex::Dump,
}

/// Parses the arguments into a program (Err: the status after a usage error).
pub fn spawn(args: &[String], out: &mut Output) -> Result<Box<dyn Program>, i32> {
    let (opts, words) = match getopt(args, "icwrsCGWBEFMTVyz", "nevtlqxXSpAKND") {
        Ok(x) => x,
        Err(GetoptError::Invalid(c)) => {
            out.err(&format!("tcpdump: invalid option -- '{c}'\n"));
            return Err(1);
        }
        Err(GetoptError::MissingValue(c)) => {
            out.err(&format!("tcpdump: option requires an argument -- '{c}'\n"));
            return Err(1);
        }
    };
    let mut o = Options::default();
    for opt in opts {
        let v = opt.value.unwrap_or_default();
        match opt.letter {
            'i' => o.iface = Some(v),
            'c' => match crate::text::int::<u64>(&v) {
                Some(n) if n > 0 => o.count = Some(n),
                _ => {
                    out.err(&format!("tcpdump: invalid packet count {v}\n"));
                    return Err(1);
                }
            },
            'e' => o.ethernet = true,
            'v' => o.verbose = true,
            'n' => o.numeric = true,
            'q' => o.quiet = true,
            't' => o.stamp += 1,
            'w' => o.write = Some(v),
            'r' => o.read = Some(v),
            'x' => o.dump.hex = o.dump.hex.saturating_add(1),
            'X' => o.dump.ascii = o.dump.ascii.saturating_add(1),
            'A' => o.dump.text = true,
            _ => {}
        }
    }
    match filter::parse(&words) {
        Ok(e) => o.filter = Some(e),
        Err(msg) => {
            out.err(&format!("tcpdump: {msg}\n"));
            return Err(1);
        }
    }
    let conv = print::Conversations::default();
    Ok(Box::new(Tcpdump { o, tap: None, promisc: None, captured: 0, late: 0, last_at: 0, conv, saved: Vec::new() }))
}

/// A running capture.
pub struct Tcpdump {
    o: Options,
    tap: Option<u32>,
    /// The device libpcap made promiscuous (PACKET_MR_PROMISC raises its
    /// promiscuity while the capture is open; not on `any`).
    promisc: Option<(crate::stack::NsId, u32)>,
    captured: u64,
    /// Frames the filter passed after the count was reached, within
    /// [`SAME_BLOCK_US`] of the last printed one.
    late: u64,
    /// When the last printed frame arrived, µs.
    last_at: u64,
    conv: print::Conversations,
    saved: Vec<Frame>,
}

impl Tcpdump {
    fn stamp(&self, at_us: u64) -> String {
        match self.o.stamp {
            0 => {
                let s = at_us / 1_000_000;
                format!("{:02}:{:02}:{:02}.{:06} ", (s / 3600) % 24, (s / 60) % 60, s % 60, at_us % 1_000_000)
            }
            1 => String::new(),
            _ => format!("{}.{:06} ", pcap::EPOCH + at_us / 1_000_000, at_us % 1_000_000),
        }
    }

    fn show(&mut self, fr: &Frame, ifname: Option<&str>, out: &mut Output) {
        let style = print::Style { ethernet: self.o.ethernet, verbose: self.o.verbose, numeric: self.o.numeric, quiet: self.o.quiet };
        let line = match ifname {
            Some(name) => print::cooked_line(fr, name, style, &mut self.conv),
            None => print::line(fr, style, &mut self.conv),
        };
        let dump = if self.o.dump.any() {
            let bytes = pcap::frame_bytes(fr);
            let (eth, rest) = bytes.split_at(bytes.len().min(14));
            match ifname {
                Some(_) => {
                    let ty = [eth.get(12).copied().unwrap_or(0), eth.get(13).copied().unwrap_or(0)];
                    self.o.dump.render(&hex::sll2_header(fr, ty), rest)
                }
                None => self.o.dump.render(eth, rest),
            }
        } else {
            String::new()
        };
        out.out(&format!("{}{line}{dump}\n", self.stamp(fr.at_us)));
    }

    fn read_file(&mut self, sys: &mut Sys, out: &mut Output, name: &str) -> Step {
        let Some(bytes) = sys.net.capture.files.iter().find(|(n, _)| n == name).map(|(_, b)| b.clone()) else {
            out.err(&format!("tcpdump: {name}: No such file or directory\n"));
            return Step::Done(1);
        };
        let Some(frames) = pcap::read(&bytes) else {
            out.err(&format!("tcpdump: {name}: unknown file format\n"));
            return Step::Done(1);
        };
        out.err(&format!("reading from file {name}, link-type EN10MB (Ethernet), snapshot length {}\n", pcap::SNAPLEN));
        let filter = self.o.filter.clone().unwrap_or(filter::Expr::All);
        for fr in frames.iter().filter(|fr| filter::matches(&filter, fr)) {
            if self.o.count.is_some_and(|c| self.captured >= c) {
                break;
            }
            self.captured += 1;
            self.show(fr, None, out);
        }
        Step::Done(0)
    }

    /// Closes the capture: the tap, and the device's promiscuity.
    fn close(&mut self, sys: &mut Sys) {
        if let Some(t) = self.tap.take() {
            sys.net.capture.close(t);
        }
        if let Some((ns, index)) = self.promisc.take() {
            if let Some(l) = sys.net.ns_mut(ns).and_then(|n| n.link_mut(index)) {
                l.promiscuity = l.promiscuity.saturating_sub(1);
            }
        }
    }

    fn finish(&mut self, sys: &mut Sys, out: &mut Output, received: u64) -> Step {
        self.close(sys);
        if let Some(name) = self.o.write.clone() {
            let bytes = pcap::file(&self.saved);
            let files = &mut sys.net.capture.files;
            files.retain(|(n, _)| *n != name);
            files.push((name, bytes));
        }
        out.err(&format!("{} packet{} captured\n", self.captured, if self.captured == 1 { "" } else { "s" }));
        out.err(&format!("{received} packet{} received by filter\n", if received == 1 { "" } else { "s" }));
        out.err("0 packets dropped by kernel\n");
        Step::Done(0)
    }
}

/// How soon after the last printed frame another one still counts as
/// received by the filter (see `step`), µs.
const SAME_BLOCK_US: u64 = 10_000;

impl Program for Tcpdump {
    fn step(&mut self, sys: &mut Sys, out: &mut Output) -> Step {
        if let Some(name) = self.o.read.clone() {
            return self.read_file(sys, out, &name);
        }
        let Some(tap) = self.tap else {
            let iface = self.o.iface.clone().unwrap_or_else(|| "any".into());
            let ifindex = if iface == "any" {
                0
            } else {
                let nsr = sys.net.ns(sys.ns);
                match nsr.and_then(|n| n.index_of(&iface)) {
                    // libpcap's activate refuses a device that is not up
                    // (PCAP_ERROR_IFACE_NOT_UP, pcap_statustostr's words).
                    Some(i) if nsr.and_then(|n| n.link(i)).is_some_and(|l| l.flags & crate::wire::link::iff::UP == 0) => {
                        out.err(&format!("tcpdump: {iface}: That device is not up\n"));
                        return Step::Done(1);
                    }
                    Some(i) => i,
                    None => {
                        out.err(&format!("tcpdump: {iface}: No such device exists\n(No such device exists)\n"));
                        return Step::Done(1);
                    }
                }
            };
            let ns = sys.ns;
            self.tap = Some(sys.net.capture.open(ns, ifindex));
            if let Some(l) = sys.net.ns_mut(ns).and_then(|n| n.link_mut(ifindex)) {
                l.promiscuity += 1;
                self.promisc = Some((ns, ifindex));
            }
            // On `any` libpcap opens a cooked socket (Linux cooked v2).
            let link_type = if ifindex == 0 {
                out.err("tcpdump: data link type LINUX_SLL2\n");
                "LINUX_SLL2 (Linux cooked v2)"
            } else {
                "EN10MB (Ethernet)"
            };
            if !self.o.verbose && self.o.write.is_none() {
                out.err("tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n");
                out.err(&format!("listening on {iface}, link-type {link_type}, snapshot length {} bytes\n", pcap::SNAPLEN));
            } else {
                out.err(&format!("tcpdump: listening on {iface}, link-type {link_type}, snapshot length {} bytes\n", pcap::SNAPLEN));
            }
            return Step::Busy;
        };
        let full = |t: &Self| t.o.count.is_some_and(|c| t.captured >= c);
        // When the count is reached tcpdump stops reading, but the socket
        // has counted what reached it before tcpdump woke: TPACKET_V3 hands
        // over a block when it retires (libpcap's 1000 ms timeout as
        // tp_retire_blk_tov), so what passes the filter within milliseconds
        // of the last printed frame (the rest of a port scan, an answer) is
        // counted; later frames are left as timing.
        let window_end = self.last_at.saturating_add(SAME_BLOCK_US);
        let frames = sys.net.capture.read(tap);
        if frames.is_empty() {
            if full(self) {
                if sys.now_us >= window_end {
                    return self.finish(sys, out, self.captured + self.late);
                }
                return Step::Idle(Some(window_end));
            }
            return Step::Idle(None);
        }
        let filter = self.o.filter.clone().unwrap_or(filter::Expr::All);
        for fr in frames.into_iter().filter(|fr| filter::matches(&filter, fr)) {
            if full(self) {
                if fr.at_us <= self.last_at.saturating_add(SAME_BLOCK_US) {
                    self.late += 1;
                }
                continue;
            }
            self.last_at = fr.at_us;
            self.captured += 1;
            if self.o.write.is_some() {
                self.saved.push(fr);
            } else if self.o.iface.as_deref().is_none_or(|i| i == "any") {
                let name = sys.net.ns(sys.ns).and_then(|n| n.link(fr.ifindex)).map_or("?".to_string(), |l| l.name.clone());
                self.show(&fr, Some(&name), out);
            } else {
                self.show(&fr, None, out);
            }
        }
        if full(self) {
            let window_end = self.last_at.saturating_add(SAME_BLOCK_US);
            if sys.now_us >= window_end {
                return self.finish(sys, out, self.captured + self.late);
            }
            return Step::Idle(Some(window_end));
        }
        Step::Busy
    }

    fn stop(&mut self, sys: &mut Sys) {
        self.close(sys);
        if let Some(name) = self.o.write.clone() {
            let bytes = pcap::file(&self.saved);
            sys.net.capture.files.retain(|(n, _)| *n != name);
            sys.net.capture.files.push((name, bytes));
        }
    }
}
