//! `/sys/class/net` of the world: the directory lists the current
//! namespace's links, and a few attributes of each (`ifindex`, `mtu`,
//! `address`, ...) read as sysfs prints them. Everything else under the
//! host's network sysfs (`/sys/class/net`, `/sys/devices/**/net/`) is
//! refused as a missing file, and nothing there is ever written: a write
//! would configure the host's devices.

use iplab::stack::Namespace;
use iplab::stack::link::Link;
use iplab::wire::link::OperState;
use libc::c_int;

use crate::shim::Fail;

/// Where sysfs lists network devices.
pub const CLASS_NET: &str = "/sys/class/net";

/// The attributes answered for each link, as `ls /sys/class/net/DEV` lists
/// them (a subset of Linux's).
pub const ATTRS: &[&str] =
    &["addr_len", "address", "broadcast", "carrier", "flags", "ifalias", "ifindex", "iflink", "mtu", "operstate", "tx_queue_len", "type"];

/// What a network sysfs path names.
#[derive(Debug, PartialEq, Eq)]
pub enum SysPath<'a> {
    /// `/sys/class/net`.
    Root,
    /// `/sys/class/net/DEV`.
    Dev(&'a str),
    /// `/sys/class/net/DEV/ATTR...` (ATTR may have several components).
    Attr(&'a str, &'a str),
    /// Another network path of sysfs (`/sys/devices/virtual/net/...`).
    Elsewhere,
}

/// Classifies an absolute, normalised path; None when it is not about the
/// network in sysfs.
pub fn classify(path: &str) -> Option<SysPath<'_>> {
    if let Some(rest) = path.strip_prefix(CLASS_NET) {
        if rest.is_empty() {
            return Some(SysPath::Root);
        }
        let rest = rest.strip_prefix('/')?;
        return Some(match rest.split_once('/') {
            None => SysPath::Dev(rest),
            Some((dev, attr)) => SysPath::Attr(dev, attr),
        });
    }
    let under_sys = path.strip_prefix("/sys/")?;
    under_sys.split('/').any(|c| c == "net").then_some(SysPath::Elsewhere)
}

fn operstate(s: OperState) -> &'static str {
    match s {
        OperState::NotPresent => "notpresent",
        OperState::Down => "down",
        OperState::LowerLayerDown => "lowerlayerdown",
        OperState::Testing => "testing",
        OperState::Dormant => "dormant",
        OperState::Up => "up",
        _ => "unknown",
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(":")
}

/// The text of one attribute of a link, as sysfs prints it.
fn attr(l: &Link, name: &str) -> Option<String> {
    Some(match name {
        "addr_len" => l.address.len().to_string(),
        "address" => hex(&l.address),
        "broadcast" => hex(&l.broadcast),
        "carrier" => u8::from(l.carrier).to_string(),
        "flags" => format!("{:#x}", l.flags),
        "ifalias" => l.alias.clone().unwrap_or_default(),
        "ifindex" => l.index.to_string(),
        "iflink" => l.iflink().to_string(),
        "mtu" => l.mtu.to_string(),
        "operstate" => operstate(l.operstate()).to_string(),
        "tx_queue_len" => l.txqlen.to_string(),
        "type" => l.link_type().to_string(),
        _ => return None,
    })
}

/// The contents a read-only open gets, or the errno Linux gives.
pub fn read(ns: &Namespace, path: &SysPath<'_>) -> Result<Vec<u8>, Fail> {
    let link = |dev: &str| ns.index_of(dev).and_then(|i| ns.link(i)).ok_or(Fail(libc::ENOENT));
    match path {
        SysPath::Root | SysPath::Dev(_) => Err(Fail(libc::EISDIR)),
        SysPath::Attr(dev, name) => {
            let l = link(dev)?;
            let text = attr(l, name).ok_or(Fail(libc::ENOENT))?;
            match *name {
                // carrier_show: EINVAL while the device is down.
                "carrier" if !l.is_up() => Err(Fail(libc::EINVAL)),
                // ifalias_show: nothing at all without an alias.
                "ifalias" if text.is_empty() => Ok(Vec::new()),
                _ => Ok(format!("{text}\n").into_bytes()),
            }
        }
        SysPath::Elsewhere => Err(Fail(libc::ENOENT)),
    }
}

/// The errno of an open for writing: a missing file in a directory that
/// exists is EACCES with O_CREAT (sysfs creates nothing), ENOENT otherwise.
pub fn write_errno(ns: &Namespace, path: &SysPath<'_>, flags: c_int) -> c_int {
    let dir_exists = match path {
        SysPath::Root | SysPath::Dev(_) => return libc::EISDIR,
        SysPath::Attr(dev, name) => !name.contains('/') && ns.index_of(dev).is_some(),
        SysPath::Elsewhere => false,
    };
    if dir_exists && flags & libc::O_CREAT != 0 { libc::EACCES } else { libc::ENOENT }
}

/// What `ls` lists in a directory (None: not a directory of the world).
pub fn list(ns: &Namespace, path: &SysPath<'_>) -> Option<Vec<String>> {
    match path {
        SysPath::Root => Some(ns.links.values().map(|l| l.name.clone()).collect()),
        SysPath::Dev(dev) => ns.index_of(dev).map(|_| ATTRS.iter().map(|a| a.to_string()).collect()),
        _ => None,
    }
}

/// The file mode `stat` reports, or ENOENT.
pub fn mode(ns: &Namespace, path: &SysPath<'_>) -> Result<libc::mode_t, Fail> {
    match path {
        SysPath::Root => Ok(libc::S_IFDIR | 0o755),
        SysPath::Dev(dev) if ns.index_of(dev).is_some() => Ok(libc::S_IFDIR | 0o755),
        SysPath::Attr(dev, name) if ns.index_of(dev).is_some() && ATTRS.contains(name) => Ok(libc::S_IFREG | 0o444),
        _ => Err(Fail(libc::ENOENT)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_classified() {
        assert_eq!(classify("/sys/class/net"), Some(SysPath::Root));
        assert_eq!(classify("/sys/class/net/lo"), Some(SysPath::Dev("lo")));
        assert_eq!(classify("/sys/class/net/lo/mtu"), Some(SysPath::Attr("lo", "mtu")));
        assert_eq!(classify("/sys/class/net/br0/bridge/stp_state"), Some(SysPath::Attr("br0", "bridge/stp_state")));
        assert_eq!(classify("/sys/devices/virtual/net/lo/mtu"), Some(SysPath::Elsewhere));
        assert_eq!(classify("/sys/kernel/mm"), None);
        assert_eq!(classify("/sys/class/network"), None);
    }

    #[test]
    fn loopback_reads_as_sysfs_prints_it() {
        let w = iplab::World::new();
        w.with_net(|n| {
            let ns = n.ns(w.initial_ns()).expect("initial namespace");
            assert_eq!(read(ns, &SysPath::Attr("lo", "ifindex")), Ok(b"1\n".to_vec()));
            assert_eq!(read(ns, &SysPath::Attr("lo", "address")), Ok(b"00:00:00:00:00:00\n".to_vec()));
            assert_eq!(read(ns, &SysPath::Attr("lo", "flags")), Ok(b"0x8\n".to_vec()));
            assert_eq!(read(ns, &SysPath::Attr("lo", "type")), Ok(b"772\n".to_vec()));
            assert_eq!(read(ns, &SysPath::Attr("lo", "nope")), Err(Fail(libc::ENOENT)));
            assert_eq!(read(ns, &SysPath::Attr("v0", "mtu")), Err(Fail(libc::ENOENT)));
            assert_eq!(write_errno(ns, &SysPath::Attr("lo", "mtu"), libc::O_WRONLY | libc::O_CREAT), libc::EACCES);
            assert_eq!(write_errno(ns, &SysPath::Attr("v0", "mtu"), libc::O_WRONLY | libc::O_CREAT), libc::ENOENT);
        });
    }
}
