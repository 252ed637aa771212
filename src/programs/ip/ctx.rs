//! The state of one `ip` invocation: global options, the printer, the
//! netlink socket, the interface cache, and the error helpers of
//! lib/utils.c (`invarg`, `duparg`, `nodev`, ...).

use super::args::{Args, Exit, Res, check_ifname};
use super::client::Rtnl;
use super::linkcache::{LinkCache, idx_a2n};
use super::nl::{Msg, Req};
use super::print::Printer;
use crate::host::Host;
use crate::wire::link::{IfInfoRepr, ifla};

pub use crate::wire::link::rtext_filter::{SKIP_STATS as RTEXT_FILTER_SKIP_STATS, VF as RTEXT_FILTER_VF};

/// Global options (ip/ip.c's globals).
#[derive(Debug, Clone, Default)]
pub struct Opts {
    /// `preferred_family` (-4, -6, -0, -f).
    pub family: u8,
    /// `-h`: human-readable numbers.
    pub human: u32,
    /// `-iec`.
    pub iec: u32,
    /// `-s`, counted.
    pub stats: u32,
    /// `-d`, counted.
    pub details: u32,
    /// `-o`.
    pub oneline: u32,
    /// `-br`.
    pub brief: u32,
    /// `-j`.
    pub json: u32,
    /// `-p`.
    pub pretty: u32,
    /// `-t`/`-ts`.
    pub timestamp: u32,
    /// `-echo`.
    pub echo: u32,
    /// `-force`.
    pub force: u32,
    /// `-l`: maximum flush rounds (0: unlimited).
    pub loops: i32,
    /// Running from `-batch`.
    pub batch: bool,
    /// `-N`.
    pub numeric: u32,
    /// `-r`.
    pub resolve: u32,
    /// `-a`.
    pub all: bool,
    /// `bridge -c`: ask for compressed VLAN ranges.
    pub compress_vlans: u32,
}

/// One `ip` command in progress.
pub struct Ip<'a> {
    /// The system.
    pub host: &'a mut dyn Host,
    /// Text/JSON output and standard error.
    pub p: Printer<'a>,
    /// Global options.
    pub o: Opts,
    /// The main socket (`rth`).
    pub rth: Rtnl,
    /// The interface cache.
    pub ll: LinkCache,
}

impl<'a> Ip<'a> {
    /// Prints `s` on standard error.
    pub fn err(&mut self, s: &str) {
        self.p.err(s);
    }

    /// What a failed dump leaves on standard error: the dump's own message,
    /// then "Dump terminated" (`rtnl_dump_filter`'s callers).
    pub fn dump_terminated(&mut self, end: &super::client::DumpEnd) {
        self.err(&end.stderr);
        self.err("Dump terminated\n");
    }

    /// `invarg`: prints and exits 255.
    pub fn invarg(&mut self, msg: &str, arg: &str) -> Exit {
        self.err(&format!("Error: argument \"{arg}\" is wrong: {msg}\n"));
        Exit(255)
    }

    /// `duparg`.
    pub fn duparg(&mut self, key: &str, arg: &str) -> Exit {
        self.err(&format!("Error: duplicate \"{key}\": \"{arg}\" is the second value.\n"));
        Exit(255)
    }

    /// `duparg2`.
    pub fn duparg2(&mut self, key: &str, arg: &str) -> Exit {
        self.err(&format!("Error: either \"{key}\" is duplicate, or \"{arg}\" is a garbage.\n"));
        Exit(255)
    }

    /// `missarg`.
    pub fn missarg(&mut self, key: &str) -> Exit {
        self.err(&format!("Error: argument \"{key}\" is required\n"));
        Exit(255)
    }

    /// `incomplete_command`.
    pub fn incomplete(&mut self) -> Exit {
        self.err("Command line is not complete. Try option \"help\"\n");
        Exit(255)
    }

    /// `nodev`: prints and returns -1 (the caller's return value).
    pub fn nodev(&mut self, dev: &str) -> i32 {
        self.err(&format!("Cannot find device \"{dev}\"\n"));
        -1
    }

    /// `NEXT_ARG`: the next word, or the incomplete-command exit.
    pub fn next_arg<'w>(&mut self, a: &mut Args<'w>) -> Res<&'w str> {
        match a.next_arg() {
            Some(w) => Ok(w),
            None => Err(self.incomplete()),
        }
    }

    /// `ll_link_get`: asks the kernel about one link on a separate socket
    /// and caches the answer; returns its index or 0.
    pub fn ll_link_get(&mut self, name: Option<&str>, index: u32) -> u32 {
        let Ok(mut rth) = Rtnl::open(self.host, false) else { return 0 };
        let mut req = Req::new(18, crate::wire::NLM_F_REQUEST);
        req.push_header(&IfInfoRepr { index: index as i32, ..Default::default() }.to_bytes());
        req.addattr32(ifla::EXT_MASK, RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS);
        if let Some(n) = name {
            let kind = if check_ifname(n) { ifla::IFNAME } else { ifla::ALT_IFNAME };
            req.addattr_strz(kind, n);
        }
        let Ok(Some(answer)) = rth.talk(&mut self.p, &mut req, true, false) else { return 0 };
        let Some(m) = Msg::parse(&answer) else { return 0 };
        if m.hdr.kind != 16 {
            return 0;
        }
        self.ll.remember(&answer);
        IfInfoRepr::parse(m.payload).map(|i| i.index as u32).unwrap_or(0)
    }

    /// `ll_name_to_index`: cache, then the kernel, then "ifN".
    pub fn ll_name_to_index(&mut self, name: &str) -> u32 {
        if let Some(i) = self.ll.by_name(name) {
            return i;
        }
        let idx = self.ll_link_get(Some(name), 0);
        if idx != 0 {
            return idx;
        }
        idx_a2n(name)
    }

    /// `ll_index_to_name`: "*" for 0, "ifN" when unknown.
    pub fn ll_index_to_name(&mut self, index: u32) -> String {
        if index == 0 {
            return "*".to_string();
        }
        if let Some(e) = self.ll.get(index) {
            return e.name.clone();
        }
        if self.ll_link_get(None, index) == index {
            if let Some(e) = self.ll.get(index) {
                return e.name.clone();
            }
        }
        format!("if{index}")
    }

    /// `ll_index_to_flags`: -1 when the link is not cached.
    pub fn ll_index_to_flags(&self, index: u32) -> i64 {
        if index == 0 {
            return 0;
        }
        self.ll.get(index).map(|e| i64::from(e.flags)).unwrap_or(-1)
    }

    /// `ll_index_to_type`: -1 when the link is not cached.
    pub fn ll_index_to_type(&self, index: u32) -> i32 {
        self.ll.get(index).map(|e| i32::from(e.hwtype)).unwrap_or(-1)
    }

    /// `ll_init_map`: caches every link with one dump.
    pub fn ll_init_map(&mut self) -> Res<()> {
        let mut req = Req::new(18, 0);
        req.push_header(&IfInfoRepr::default().to_bytes());
        req.addattr32(ifla::EXT_MASK, RTEXT_FILTER_VF);
        self.rth.dump_request(&mut req, 0);
        let (msgs, end) = self.rth.dump_collect();
        for m in &msgs {
            self.ll.remember(m);
        }
        if !end.ok {
            self.dump_terminated(&end);
            return Err(Exit(1));
        }
        self.err(&end.stderr);
        Ok(())
    }
}
