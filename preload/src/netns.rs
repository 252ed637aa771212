//! What `ip netns` and `ip -n` do on the file system, done on the world
//! instead: `/run/netns` and its files, `/proc/self/ns/net`, the bind mount
//! that names a namespace, `unshare(CLONE_NEWNET)` and `setns`. The host's
//! namespaces and mounts are never touched.

use libc::c_int;

use crate::guard::mark;
use crate::shim::{Current, Fail, Shim};

/// Where iproute2 keeps namespace names.
pub const RUN_DIR: &str = "/run/netns";

/// What a path means to the shim.
#[derive(Debug, PartialEq, Eq)]
pub enum Path<'a> {
    /// `/run/netns` itself.
    RunDir,
    /// `/run/netns/NAME`.
    Named(&'a str),
    /// `/proc/self/ns/net` (or the process's own pid).
    SelfNet,
    /// `/proc/PID/ns/net` of another process: the initial namespace.
    OtherNet,
    /// Anything else.
    Other,
}

/// Classifies a path.
pub fn classify(path: &str) -> Path<'_> {
    let trimmed = path.trim_end_matches('/');
    // /var/run is a link to /run.
    let trimmed = trimmed.strip_prefix("/var").filter(|r| r.starts_with("/run/netns")).unwrap_or(trimmed);
    if trimmed == RUN_DIR {
        return Path::RunDir;
    }
    if let Some(name) = trimmed.strip_prefix("/run/netns/") {
        return Path::Named(name);
    }
    if let Some(rest) = trimmed.strip_prefix("/proc/").and_then(|r| r.strip_suffix("/ns/net")) {
        let own = std::process::id().to_string();
        return if rest == "self" || rest == "thread-self" || rest == own {
            Path::SelfNet
        } else if rest.parse::<u32>().is_ok() {
            Path::OtherNet
        } else {
            Path::Other
        };
    }
    Path::Other
}

/// A listing made up by the shim (`/run/netns`, `/sys/class/net`,
/// `/proc/sys/net` directories) being read with readdir.
pub struct FakeDir {
    names: Vec<String>,
    pos: usize,
    entry: libc::dirent64,
}

impl FakeDir {
    /// A listing of ".", ".." and the names.
    pub fn new(names: Vec<String>) -> FakeDir {
        let mut all = vec![".".to_string(), "..".to_string()];
        all.extend(names);
        // SAFETY: dirent64 is plain data; all zeroes is valid.
        FakeDir { names: all, pos: 0, entry: unsafe { std::mem::zeroed() } }
    }

    /// The next entry, or None at the end.
    pub fn next_entry(&mut self) -> Option<*mut libc::dirent64> {
        let name = self.names.get(self.pos)?;
        self.pos += 1;
        let e = &mut self.entry;
        e.d_ino = self.pos as u64 + 1;
        e.d_off = self.pos as i64;
        e.d_type = if name.starts_with('.') && name.len() <= 2 { libc::DT_DIR } else { libc::DT_REG };
        e.d_reclen = std::mem::size_of::<libc::dirent64>() as u16;
        e.d_name = [0; 256];
        for (d, s) in e.d_name.iter_mut().zip(name.bytes().take(255)) {
            *d = s as libc::c_char;
        }
        Some(e as *mut libc::dirent64)
    }

    /// Starts over.
    pub fn rewind(&mut self) {
        self.pos = 0;
    }
}

/// A descriptor for the shim to hand out: `/dev/null`, opened with the
/// application's O_CLOEXEC.
fn placeholder(flags: c_int) -> Result<c_int, Fail> {
    // SAFETY: a literal path.
    let fd = unsafe { crate::real::open(c"/dev/null".as_ptr(), libc::O_RDONLY | (flags & libc::O_CLOEXEC), 0) };
    if fd < 0 { Err(Fail(crate::guard::errno())) } else { Ok(fd) }
}

/// `open` of a namespace path; None when the path is not one.
pub fn open(shim: &mut Shim, path: &str, flags: c_int) -> Option<Result<c_int, Fail>> {
    match classify(path) {
        Path::RunDir => Some(placeholder(flags)),
        Path::Named(name) => Some(open_named(shim, name, flags)),
        Path::SelfNet => Some(shim.locked(|s, w| {
            let id = s.current_ns(w)?;
            let fd = placeholder(flags)?;
            s.ns_fds.insert(fd, id);
            mark(fd, true);
            Ok(fd)
        })),
        Path::OtherNet => Some(shim.locked(|s, w| {
            let fd = placeholder(flags)?;
            s.ns_fds.insert(fd, w.initial_ns());
            mark(fd, true);
            Ok(fd)
        })),
        Path::Other => None,
    }
}

fn open_named(shim: &mut Shim, name: &str, flags: c_int) -> Result<c_int, Fail> {
    if name.is_empty() || name.contains('/') {
        return Err(Fail(libc::ENOENT));
    }
    shim.locked(|s, w| {
        let id = w.netns(name);
        if flags & libc::O_CREAT != 0 {
            if id.is_some() && flags & libc::O_EXCL != 0 {
                return Err(Fail(libc::EEXIST));
            }
            // The empty file `ip netns add` creates before the bind mount.
            if id.is_none() {
                return placeholder(flags);
            }
        }
        let id = id.ok_or(Fail(libc::ENOENT))?;
        let fd = placeholder(flags)?;
        s.ns_fds.insert(fd, id);
        mark(fd, true);
        Ok(fd)
    })
}

/// `mount`: the bind mount that names a new namespace, and the mounts
/// `ip netns` makes around it (made to succeed without doing anything).
pub fn mount(shim: &mut Shim, src: Option<&str>, target: &str, flags: libc::c_ulong) -> Option<Result<(), Fail>> {
    match classify(target) {
        Path::Named(name) if flags & libc::MS_BIND != 0 => {
            let name = name.to_string();
            let from_self = src.is_some_and(|s| classify(s) == Path::SelfNet);
            let Some(hidden) = shim.unshared.clone().filter(|_| from_self) else {
                // Naming an existing namespace (`ip netns attach`) is not simulated.
                return Some(Err(Fail(libc::EINVAL)));
            };
            // The unshared namespace takes the name (made afresh: what
            // happened in it between unshare and the mount is not kept).
            let r = shim.host(|w| {
                iplab::host::Host::netns_del(w, &hidden)?;
                iplab::host::Host::netns_add(w, &name)
            });
            Some(r.and_then(|()| {
                shim.unshared = None;
                let w = shim.world()?;
                let id = w.netns(&name).ok_or(Fail(libc::ENOENT))?;
                shim.current = Current::Id(id);
                Ok(())
            }))
        }
        Path::Named(_) | Path::RunDir => Some(Ok(())),
        Path::Other if target == "/" || target == "/sys" || target.starts_with("/etc/") => Some(Ok(())),
        _ => None,
    }
}

/// `umount`/`umount2`: nothing is mounted for real.
pub fn umount(target: &str) -> Option<Result<(), Fail>> {
    match classify(target) {
        Path::Named(_) | Path::RunDir => Some(Ok(())),
        Path::Other if target == "/sys" => Some(Ok(())),
        _ => None,
    }
}

/// `unlink("/run/netns/NAME")`: `ip netns delete`.
pub fn unlink(shim: &mut Shim, path: &str) -> Option<Result<(), Fail>> {
    match classify(path) {
        Path::Named(name) => {
            let name = name.to_string();
            Some(shim.host(|w| iplab::host::Host::netns_del(w, &name)))
        }
        _ => None,
    }
}

/// `setns` on a namespace descriptor; None for other namespace kinds.
pub fn setns(shim: &mut Shim, fd: c_int, nstype: c_int) -> Option<Result<(), Fail>> {
    if nstype != 0 && nstype != libc::CLONE_NEWNET {
        return None;
    }
    let Some(id) = shim.ns_fds.get(&fd).copied() else {
        return Some(Err(Fail(libc::EINVAL)));
    };
    Some(shim.world().map(|w| {
        shim.current = Current::Id(id);
        shim.unshared = None;
        // A program this process executes (`ip netns exec`) starts there too.
        match w.with_net(|n| n.name_of(id).map(str::to_string)) {
            // SAFETY: iproute2 and the programs it runs are single-threaded
            // when they switch namespaces.
            Some(name) if id != w.initial_ns() => unsafe { std::env::set_var("IPLAB_NETNS", name) },
            _ => unsafe { std::env::remove_var("IPLAB_NETNS") },
        }
    }))
}
