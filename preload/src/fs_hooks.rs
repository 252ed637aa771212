//! The file-system and namespace calls of `ip netns` / `ip -n`, answered by
//! [`crate::netns`] for namespace paths and passed to libc for all others.

use libc::{c_char, c_int, c_uint, c_ulong, c_void};

use crate::boundary;
use crate::files;
use crate::guard::{c_str, fail, hook, is_marked};
use crate::netns::{self, FakeDir};
use crate::real;
use crate::shim::{self, Fail};
use crate::sysfs;

fn may_be_ours(path: &str) -> bool {
    path.starts_with("/run/netns") || path.starts_with("/var/run/netns") || (path.starts_with("/proc/") && path.ends_with("/ns/net"))
}

/// `open` of a path the shim answers for (namespaces, `/proc/sys/net`,
/// network sysfs, `/dev/net/tun`); None for other paths.
fn open_hook(dir: c_int, path: *const c_char, flags: c_int) -> Option<c_int> {
    let p = c_str(path)?;
    if !files::may_be_network(p) && !may_be_ours(p) {
        return None;
    }
    hook(-1, || {
        let full = files::absolute(dir, p)?;
        let r = if let Some(e) = boundary::refused_device(&full) {
            Err(Fail(e))
        } else if full.starts_with("/proc/sys/net") {
            crate::sysctl_hooks::open(&full, flags)?
        } else if let Some(sp) = sysfs::classify(&full) {
            sysfs_open(&sp, flags)?
        } else if may_be_ours(&full) {
            shim::with(|s| netns::open(s, &full, flags))?
        } else {
            return None;
        };
        Some(r.unwrap_or_else(|Fail(e)| fail(e)))
    })
}

/// `open` of a network sysfs path: attributes of the world's links read
/// from memory files, every write refused ([`sysfs`]). Directories opened
/// for reading are the host's (their listing is answered by `opendir`).
fn sysfs_open(path: &sysfs::SysPath<'_>, flags: c_int) -> Option<Result<c_int, Fail>> {
    let writing = flags & libc::O_ACCMODE != libc::O_RDONLY;
    let dir = matches!(path, sysfs::SysPath::Root | sysfs::SysPath::Dev(_) | sysfs::SysPath::Elsewhere);
    if dir && !writing {
        return None;
    }
    Some(shim::with(|s| {
        let w = s.world()?;
        let id = s.current_ns(&w)?;
        let contents = w.with_net(|n| {
            let ns = n.ns(id).ok_or(Fail(libc::ENOENT))?;
            if writing { Err(Fail(sysfs::write_errno(ns, path, flags))) } else { sysfs::read(ns, path) }
        })?;
        files::memfile(&contents, flags)
    }))
}

/// fopen(3) of a path [`open_hook`] answers (other than `/proc/sys/net`,
/// which has streams of its own): the descriptor it gives, as a stream.
pub(crate) fn fopen_hook(path: *const c_char, mode: *const c_char) -> Option<*mut libc::FILE> {
    let p = c_str(path)?;
    if p.starts_with("/proc/sys/net") || !(p.starts_with("/sys/") || p.starts_with("/dev/net/") || !p.starts_with('/')) {
        return None;
    }
    let m = c_str(mode).unwrap_or("r");
    let flags = match (m.contains('+'), m.chars().next()) {
        (true, _) => libc::O_RDWR | libc::O_CREAT,
        (false, Some('w' | 'a')) => libc::O_WRONLY | libc::O_CREAT,
        _ => libc::O_RDONLY,
    } | if m.contains('e') { libc::O_CLOEXEC } else { 0 };
    let fd = open_hook(libc::AT_FDCWD, path, flags)?;
    if fd < 0 {
        return Some(std::ptr::null_mut());
    }
    // SAFETY: a descriptor just opened, and the application's mode string.
    let fp = unsafe { libc::fdopen(fd, mode) };
    if fp.is_null() {
        // SAFETY: our descriptor.
        unsafe { real::close(fd) };
    }
    Some(fp)
}

fn status(r: Option<Result<(), Fail>>) -> Option<c_int> {
    r.map(|r| match r {
        Ok(()) => 0,
        Err(Fail(e)) => fail(e),
    })
}

#[unsafe(no_mangle)]
/// open(2).
pub unsafe extern "C" fn open(path: *const c_char, flags: c_int, mode: c_uint) -> c_int {
    open_hook(libc::AT_FDCWD, path, flags).unwrap_or_else(|| unsafe { real::open(path, flags, mode) })
}

#[unsafe(no_mangle)]
/// open64(2).
pub unsafe extern "C" fn open64(path: *const c_char, flags: c_int, mode: c_uint) -> c_int {
    open_hook(libc::AT_FDCWD, path, flags).unwrap_or_else(|| unsafe { real::open64(path, flags, mode) })
}

#[unsafe(no_mangle)]
/// openat(2).
pub unsafe extern "C" fn openat(dir: c_int, path: *const c_char, flags: c_int, mode: c_uint) -> c_int {
    open_hook(dir, path, flags).unwrap_or_else(|| unsafe { real::openat(dir, path, flags, mode) })
}

#[unsafe(no_mangle)]
/// openat64(2).
pub unsafe extern "C" fn openat64(dir: c_int, path: *const c_char, flags: c_int, mode: c_uint) -> c_int {
    open_hook(dir, path, flags).unwrap_or_else(|| unsafe { real::openat64(dir, path, flags, mode) })
}

#[unsafe(no_mangle)]
/// The fortified open.
pub unsafe extern "C" fn __open_2(path: *const c_char, flags: c_int) -> c_int {
    open_hook(libc::AT_FDCWD, path, flags).unwrap_or_else(|| unsafe { real::open_2(path, flags) })
}

#[unsafe(no_mangle)]
/// The fortified open64.
pub unsafe extern "C" fn __open64_2(path: *const c_char, flags: c_int) -> c_int {
    open_hook(libc::AT_FDCWD, path, flags).unwrap_or_else(|| unsafe { real::open64_2(path, flags) })
}

#[unsafe(no_mangle)]
/// The fortified openat.
pub unsafe extern "C" fn __openat_2(dir: c_int, path: *const c_char, flags: c_int) -> c_int {
    open_hook(dir, path, flags).unwrap_or_else(|| unsafe { real::openat_2(dir, path, flags) })
}

#[unsafe(no_mangle)]
/// The fortified openat64.
pub unsafe extern "C" fn __openat64_2(dir: c_int, path: *const c_char, flags: c_int) -> c_int {
    open_hook(dir, path, flags).unwrap_or_else(|| unsafe { real::openat64_2(dir, path, flags) })
}

#[unsafe(no_mangle)]
/// opendir(3): `/run/netns` lists the world's named namespaces,
/// `/sys/class/net` (and each link's directory) the current namespace's
/// links, a `/proc/sys/net` directory its keys.
pub unsafe extern "C" fn opendir(path: *const c_char) -> *mut libc::DIR {
    let p = c_str(path).unwrap_or("");
    if netns::classify(p) == netns::Path::RunDir || p.starts_with(sysfs::CLASS_NET) || p.starts_with("/proc/sys/net") {
        let r = hook(std::ptr::null_mut(), || {
            let full = files::absolute(libc::AT_FDCWD, p)?;
            let names = if netns::classify(&full) == netns::Path::RunDir {
                shim::with(|s| s.netns_names())
            } else if full.starts_with("/proc/sys/net") {
                crate::sysctl_hooks::list_dir(&full)?
            } else {
                let sp = sysfs::classify(&full)?;
                shim::with(|s| {
                    let w = s.world()?;
                    let id = s.current_ns(&w)?;
                    w.with_net(|n| n.ns(id).and_then(|ns| sysfs::list(ns, &sp)).ok_or(Fail(libc::ENOENT)))
                })
            };
            Some(shim::with(|s| match names {
                Ok(names) => {
                    let mut dir = Box::new(FakeDir::new(names));
                    let p = (&mut *dir as *mut FakeDir).cast::<libc::DIR>();
                    s.dirs.insert(p as usize, dir);
                    p
                }
                Err(Fail(e)) => {
                    crate::guard::set_errno(e);
                    std::ptr::null_mut()
                }
            }))
        });
        if let Some(r) = r {
            return r;
        }
    }
    unsafe { real::opendir(path) }
}

/// Runs `f` on a listing the shim made; None for real directories.
fn on_dir<R>(dir: *mut libc::DIR, err: R, f: impl FnOnce(&mut FakeDir) -> R) -> Option<R> {
    hook(err, || shim::with(|s| s.dirs.get_mut(&(dir as usize)).map(|d| f(d))))
}

#[unsafe(no_mangle)]
/// readdir64(3).
pub unsafe extern "C" fn readdir64(dir: *mut libc::DIR) -> *mut libc::dirent64 {
    on_dir(dir, std::ptr::null_mut(), |d| d.next_entry().unwrap_or(std::ptr::null_mut())).unwrap_or_else(|| unsafe { real::readdir64(dir) })
}

#[unsafe(no_mangle)]
/// readdir(3) (the same layout as dirent64 on 64-bit Linux).
pub unsafe extern "C" fn readdir(dir: *mut libc::DIR) -> *mut libc::dirent {
    on_dir(dir, std::ptr::null_mut(), |d| d.next_entry().unwrap_or(std::ptr::null_mut()).cast())
        .unwrap_or_else(|| unsafe { real::readdir(dir) })
}

#[unsafe(no_mangle)]
/// closedir(3).
pub unsafe extern "C" fn closedir(dir: *mut libc::DIR) -> c_int {
    let r = hook(-1, || shim::with(|s| s.dirs.remove(&(dir as usize)).map(|_| 0)));
    r.unwrap_or_else(|| unsafe { real::closedir(dir) })
}

#[unsafe(no_mangle)]
/// rewinddir(3).
pub unsafe extern "C" fn rewinddir(dir: *mut libc::DIR) {
    if on_dir(dir, (), |d| d.rewind()).is_none() {
        unsafe { real::rewinddir(dir) };
    }
}

#[unsafe(no_mangle)]
/// dirfd(3): a listing of the shim has no descriptor.
pub unsafe extern "C" fn dirfd(dir: *mut libc::DIR) -> c_int {
    on_dir(dir, -1, |_| fail(libc::ENOTSUP)).unwrap_or_else(|| unsafe { real::dirfd(dir) })
}

#[unsafe(no_mangle)]
/// mkdir(2): `/run/netns` always exists.
pub unsafe extern "C" fn mkdir(path: *const c_char, mode: libc::mode_t) -> c_int {
    if c_str(path).is_some_and(|p| netns::classify(p) == netns::Path::RunDir) {
        return fail(libc::EEXIST);
    }
    unsafe { real::mkdir(path, mode) }
}

#[unsafe(no_mangle)]
/// mount(2): see [`netns::mount`].
pub unsafe extern "C" fn mount(
    src: *const c_char,
    target: *const c_char,
    fstype: *const c_char,
    flags: c_ulong,
    data: *const c_void,
) -> c_int {
    let r = c_str(target).and_then(|t| {
        let t = t.to_string();
        hook(-1, || status(shim::with(|s| netns::mount(s, c_str(src), &t, flags))))
    });
    r.unwrap_or_else(|| unsafe { real::mount(src, target, fstype, flags, data) })
}

#[unsafe(no_mangle)]
/// umount(2).
pub unsafe extern "C" fn umount(target: *const c_char) -> c_int {
    status(c_str(target).and_then(netns::umount)).unwrap_or_else(|| unsafe { real::umount(target) })
}

#[unsafe(no_mangle)]
/// umount2(2).
pub unsafe extern "C" fn umount2(target: *const c_char, flags: c_int) -> c_int {
    status(c_str(target).and_then(netns::umount)).unwrap_or_else(|| unsafe { real::umount2(target, flags) })
}

#[unsafe(no_mangle)]
/// unlink(2): removing `/run/netns/NAME` deletes the namespace.
pub unsafe extern "C" fn unlink(path: *const c_char) -> c_int {
    let r = c_str(path).filter(|p| may_be_ours(p)).and_then(|p| hook(-1, || status(shim::with(|s| netns::unlink(s, p)))));
    r.unwrap_or_else(|| unsafe { real::unlink(path) })
}

#[unsafe(no_mangle)]
/// unshare(2): new network (and mount) namespaces are simulated.
pub unsafe extern "C" fn unshare(flags: c_int) -> c_int {
    let ours = libc::CLONE_NEWNET | libc::CLONE_NEWNS;
    if flags & ours != 0 {
        if flags & libc::CLONE_NEWNET != 0 {
            let r = hook(-1, || status(Some(shim::with(|s| s.unshare_net()))));
            if r == Some(-1) {
                return -1;
            }
        }
        let rest = flags & !ours;
        return if rest == 0 { 0 } else { unsafe { real::unshare(rest) } };
    }
    unsafe { real::unshare(flags) }
}

#[unsafe(no_mangle)]
/// setns(2): entering a simulated namespace.
pub unsafe extern "C" fn setns(fd: c_int, nstype: c_int) -> c_int {
    if is_marked(fd) || nstype == libc::CLONE_NEWNET {
        let r = hook(-1, || status(shim::with(|s| netns::setns(s, fd, nstype))));
        if let Some(r) = r {
            return r;
        }
    }
    unsafe { real::setns(fd, nstype) }
}
