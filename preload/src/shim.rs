//! The process-wide state of the shim: the world (kept in step with the
//! state file), the simulated sockets and namespace descriptors handed to
//! the application, and the namespace the process is in.

use std::cell::UnsafeCell;
use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, SystemTime};

use iplab::history::{Op, Snapshot};
use iplab::host::Host;
use iplab::stack::NsId;
use iplab::{Creds, World};
use libc::c_int;

use crate::guard::mark;
use crate::netns::FakeDir;
use crate::nlsock::NlSock;
use crate::rewrite;
use crate::store::{Store, Version};

/// Which namespace the process is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Current {
    /// The one `IPLAB_NETNS` names (the initial one when unset).
    FromEnv,
    /// One entered with `setns`.
    Id(NsId),
}

/// Everything the shim knows in this process.
pub struct Shim {
    world: Option<World>,
    store: Option<Store>,
    /// The state file version the world matches.
    seen: Option<Version>,
    /// How many operations of the world's history are in the state file.
    saved: usize,
    /// The end line of the state file as last read or written (operations,
    /// length before it, CRC-32: [`iplab::history::end_of_text`]), so that
    /// saving appends what changed in place instead of writing the whole
    /// history again.
    end: Option<(usize, usize, u32)>,
    /// Simulated sockets by id.
    pub socks: BTreeMap<u64, NlSock>,
    /// Application descriptor → socket id.
    pub fds: HashMap<c_int, u64>,
    /// Application descriptor → the namespace it names.
    pub ns_fds: HashMap<c_int, NsId>,
    /// Application descriptor → the `/proc/sys/net` writer it refers to.
    pub writer_fds: HashMap<c_int, u64>,
    /// Open `/proc/sys/net` writers by id.
    pub writers: BTreeMap<u64, crate::sysctl_hooks::SysWriter>,
    /// Open `/run/netns` listings, by their DIR pointer.
    pub dirs: HashMap<usize, Box<FakeDir>>,
    /// The namespace of the process.
    pub current: Current,
    /// The hidden world namespace `unshare(CLONE_NEWNET)` made, until a
    /// bind mount names it.
    pub unshared: Option<String>,
    /// Namespaces made by `unshare` in this process so far.
    unshares: u32,
    next_id: u64,
    /// The process whose thread watches the state file, if any.
    watcher_pid: Option<u32>,
    /// Whether the world's clock follows the wall clock between and during
    /// processes (unless `IPLAB_CLOCK=virtual`).
    wall_clock: bool,
    /// A wall-clock instant and the world's clock (ms) at it: where the
    /// world's clock was last brought up to ([`Shim::follow_wall_clock`]).
    anchor: Option<(SystemTime, u64)>,
}

/// The process's shim state behind one lock. The lock is a pthread mutex
/// that `pthread_atfork` handlers take before `fork` and release in parent
/// and child, so a child forked while another thread is inside the shim
/// finds the lock free and the state whole (issue: a pyroute2 child hung).
struct Global {
    lock: UnsafeCell<libc::pthread_mutex_t>,
    shim: UnsafeCell<Option<Shim>>,
}

// SAFETY: `shim` is only reached with `lock` held, and the world's
// reference-counted parts never leave the Shim.
unsafe impl Sync for Global {}

static GLOBAL: Global = Global { lock: UnsafeCell::new(libc::PTHREAD_MUTEX_INITIALIZER), shim: UnsafeCell::new(None) };

extern "C" fn before_fork() {
    // SAFETY: a valid, statically initialised mutex.
    unsafe { libc::pthread_mutex_lock(GLOBAL.lock.get()) };
}

extern "C" fn after_fork() {
    // SAFETY: taken by before_fork in this thread (which the child continues).
    unsafe { libc::pthread_mutex_unlock(GLOBAL.lock.get()) };
}

/// Registers the fork handlers when the library is loaded.
extern "C" fn register_fork_handlers() {
    // SAFETY: plain function pointers.
    unsafe { libc::pthread_atfork(Some(before_fork), Some(after_fork), Some(after_fork)) };
}

#[used]
#[unsafe(link_section = ".init_array")]
static REGISTER: extern "C" fn() = register_fork_handlers;

/// Releases the lock when dropped (also when `f` panics).
struct Held;

impl Drop for Held {
    fn drop(&mut self) {
        // SAFETY: taken in `with` by this thread.
        unsafe { libc::pthread_mutex_unlock(GLOBAL.lock.get()) };
    }
}

/// Runs `f` on the process's shim state.
pub fn with<R>(f: impl FnOnce(&mut Shim) -> R) -> R {
    // SAFETY: a valid mutex; `shim` is reached only while it is held, and
    // hooks never re-enter `with` on one thread (guard::hook).
    unsafe {
        libc::pthread_mutex_lock(GLOBAL.lock.get());
        let _held = Held;
        let shim = (*GLOBAL.shim.get()).get_or_insert_with(Shim::new);
        f(shim)
    }
}

/// The name prefix of the hidden namespaces `unshare(CLONE_NEWNET)` makes.
pub const UNSHARED_PREFIX: &str = ".unshared-";

/// A failed operation: the errno to return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fail(pub c_int);

impl Shim {
    fn new() -> Shim {
        Shim {
            world: None,
            store: Store::from_env(),
            seen: None,
            saved: 0,
            end: None,
            socks: BTreeMap::new(),
            fds: HashMap::new(),
            ns_fds: HashMap::new(),
            writer_fds: HashMap::new(),
            writers: BTreeMap::new(),
            dirs: HashMap::new(),
            current: Current::FromEnv,
            unshared: None,
            unshares: 0,
            next_id: 1,
            watcher_pid: None,
            wall_clock: std::env::var_os("IPLAB_CLOCK").is_none_or(|v| v != "virtual"),
            anchor: None,
        }
    }

    /// Runs `f` with the world up to date, under the state file's lock, and
    /// saves what `f` changed.
    pub fn locked<R>(&mut self, f: impl FnOnce(&mut Shim, &World) -> Result<R, Fail>) -> Result<R, Fail> {
        self.locked_as(false, f)
    }

    /// [`Shim::locked`]; `follow` says whether the world's clock catches up
    /// with the wall clock first: only before a request on a socket, the
    /// one thing that sees the clock (lifetimes, ages, timers), so that a
    /// process records one clock move per request, not one per hook, and
    /// an idle listener never writes the file.
    fn locked_as<R>(&mut self, follow: bool, f: impl FnOnce(&mut Shim, &World) -> Result<R, Fail>) -> Result<R, Fail> {
        let lock = match &self.store {
            Some(s) => Some(s.lock().map_err(|e| self.complain(&format!("lock: {e}"), e.raw_os_error().unwrap_or(libc::EIO)))?),
            None => None,
        };
        self.sync()?;
        let world = self.world.clone().ok_or(Fail(libc::EIO))?;
        if follow {
            self.follow_wall_clock(&world);
        }
        let out = f(self, &world);
        self.save(&world);
        drop(lock);
        out
    }

    /// Moves the world's clock on by the wall-clock time since the instant
    /// it was last brought up to (the state file's modification time), as a
    /// real kernel's clock runs while no process asks anything: `sleep 5`
    /// between two `ip` commands lets address lifetimes run out. The move
    /// is an operation of the world's history ([`Op::Advance`]), so every
    /// process replays it alike. Time a program made pass on the world's
    /// clock (`ping -c 4 -i 1`) counts as wall-clock time already spent.
    fn follow_wall_clock(&mut self, world: &World) {
        if !self.wall_clock || self.store.is_none() {
            return;
        }
        let now = SystemTime::now();
        let Some(reached) = self.clock_instant(world) else {
            self.anchor = Some((now, world.with_net(|n| n.now_ms)));
            return;
        };
        let behind = now.duration_since(reached).map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
        if behind > 0 {
            let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| world.apply(&[Op::Advance(behind)])));
            if caught.is_err() {
                let _ = self.complain("advancing the clock failed", libc::EIO);
            }
        }
    }

    /// The wall-clock instant the world's clock has reached: the state
    /// file's modification time when it is saved.
    fn clock_instant(&self, world: &World) -> Option<SystemTime> {
        let (at, ms) = self.anchor.filter(|_| self.wall_clock)?;
        Some(at + Duration::from_millis(world.with_net(|n| n.now_ms).saturating_sub(ms)))
    }

    fn complain(&self, msg: &str, errno: c_int) -> Fail {
        let path = self.store.as_ref().map(|s| s.path().display().to_string()).unwrap_or_default();
        eprintln!("iplab-preload: {path}: {msg}");
        Fail(errno)
    }

    /// Brings the world in step with the state file (call under the lock).
    fn sync(&mut self) -> Result<(), Fail> {
        let Some(store) = &self.store else {
            if self.world.is_none() {
                self.world = Some(World::new());
            }
            return Ok(());
        };
        if self.world.is_some() && store.version() == self.seen {
            return Ok(());
        }
        let (text, version) = match store.read() {
            Ok(Some((t, v))) => (Some(t), Some(v)),
            Ok(None) => (None, None),
            Err(e) => return Err(self.complain(&format!("cannot read: {e}"), e.raw_os_error().unwrap_or(libc::EIO))),
        };
        let ops = match &text {
            None => Vec::new(),
            Some(t) => match Snapshot::from_text(t) {
                Ok(s) => s.ops,
                Err(msg) => return Err(self.complain(&format!("corrupt state: {msg}"), libc::EBADMSG)),
            },
        };
        self.end = text.as_deref().and_then(iplab::history::end_of_text);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match &self.world {
            Some(w) => {
                let have = w.snapshot().ops;
                if ops.len() >= have.len() && ops[..have.len()] == have[..] {
                    w.apply(&ops[have.len()..]);
                    None
                } else {
                    Some(World::restore(&Snapshot { ops: ops.clone() }))
                }
            }
            None => Some(World::restore(&Snapshot { ops: ops.clone() })),
        }));
        let rebuilt = match caught {
            Ok(r) => r,
            Err(_) => return Err(self.complain("replaying the state failed", libc::EBADMSG)),
        };
        if let Some(w) = rebuilt {
            let reopen = self.world.is_some();
            self.world = Some(w);
            if reopen {
                self.reopen_sockets();
            }
        }
        self.seen = version;
        self.saved = ops.len();
        let clock = self.world.as_ref().map_or(0, |w| w.with_net(|n| n.now_ms));
        self.anchor = version.map(|v| (v.modified(), clock));
        self.deliver(None);
        Ok(())
    }

    fn reopen_sockets(&mut self) {
        let Some(world) = self.world.clone() else { return };
        for s in self.socks.values_mut() {
            s.sock = crate::boundary::world_protocol(s.proto).and_then(|p| world.socket_of(s.ns, creds(), p).ok());
            s.reapply();
        }
    }

    /// Writes the state file when the world's history grew: the new
    /// operations appended in place, or the whole history when the file
    /// is not one this process knows the end of.
    fn save(&mut self, world: &World) {
        let Some(store) = &self.store else { return };
        let len = world.history_len();
        if len == self.saved {
            return;
        }
        let clock = self.clock_instant(world);
        let appended = match self.end.filter(|e| e.0 == self.saved && len > self.saved) {
            Some(end) => {
                let (tail, new_end) = iplab::history::extend_text(end, &world.history_since(self.saved));
                store.append(end.1 as u64, &tail, clock).map(|v| (v, new_end))
            }
            None => {
                let text = world.snapshot().to_text();
                let end = iplab::history::end_of_text(&text).unwrap_or_default();
                store.write(&text, clock).map(|v| (v, end))
            }
        };
        match appended {
            Ok((v, end)) => {
                self.seen = Some(v);
                self.saved = len;
                self.end = Some(end);
            }
            Err(e) => {
                // Rebuilt from the whole history next time.
                self.end = None;
                let _ = self.complain(&format!("cannot save: {e}"), libc::EIO);
            }
        }
    }

    /// The namespace sockets open in now.
    pub fn current_ns(&self, world: &World) -> Result<NsId, Fail> {
        let id = match &self.current {
            Current::Id(id) => *id,
            Current::FromEnv => match std::env::var("IPLAB_NETNS") {
                Ok(name) if !name.is_empty() => world.netns(&name).ok_or(Fail(libc::ENOENT))?,
                _ => world.initial_ns(),
            },
        };
        if world.with_net(|n| n.ns(id).is_none()) {
            return Err(Fail(libc::ENOENT));
        }
        Ok(id)
    }

    /// The world as it is (loading it first if needed).
    pub fn world(&mut self) -> Result<World, Fail> {
        self.locked(|_, w| Ok(w.clone()))
    }

    /// Opens a simulated socket of a modelled netlink protocol
    /// ([`crate::boundary::MODELLED_NETLINK`]); returns the application's descriptor.
    pub fn open_socket(&mut self, kind: c_int, proto: c_int, flags: c_int) -> Result<c_int, Fail> {
        self.locked(|shim, world| {
            let ns = shim.current_ns(world)?;
            let protocol = crate::boundary::world_protocol(proto).ok_or(Fail(libc::EPROTONOSUPPORT))?;
            let sock = world.socket_of(ns, creds(), protocol).map_err(|e| Fail(e.0))?;
            let mut pair = [-1; 2];
            // SAFETY: pair has room for two descriptors.
            if unsafe { crate::real::socketpair(libc::AF_UNIX, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0, pair.as_mut_ptr()) } != 0 {
                return Err(Fail(crate::guard::errno()));
            }
            let (app, peer) = (pair[0], pair[1]);
            // SAFETY: descriptors just created.
            unsafe {
                if flags & libc::SOCK_CLOEXEC == 0 {
                    crate::real::fcntl(app, libc::F_SETFD, 0);
                }
                if flags & libc::SOCK_NONBLOCK != 0 {
                    crate::real::fcntl(app, libc::F_SETFL, libc::O_NONBLOCK as usize);
                }
                crate::real::fcntl(peer, libc::F_SETFL, libc::O_NONBLOCK as usize);
                let big: c_int = 8 << 20;
                let p = (&big as *const c_int).cast();
                let n = std::mem::size_of::<c_int>() as libc::socklen_t;
                if crate::real::setsockopt(peer, libc::SOL_SOCKET, libc::SO_SNDBUFFORCE, p, n) != 0 {
                    crate::real::setsockopt(peer, libc::SOL_SOCKET, libc::SO_SNDBUF, p, n);
                }
                if crate::real::setsockopt(app, libc::SOL_SOCKET, libc::SO_RCVBUFFORCE, p, n) != 0 {
                    crate::real::setsockopt(app, libc::SOL_SOCKET, libc::SO_RCVBUF, p, n);
                }
            }
            let id = shim.next_id;
            shim.next_id += 1;
            shim.socks.insert(id, NlSock::new(sock, ns, peer, kind, proto));
            shim.fds.insert(app, id);
            mark(app, true);
            Ok(app)
        })
    }

    /// The socket behind an application descriptor.
    pub fn sock(&mut self, fd: c_int) -> Option<&mut NlSock> {
        let id = *self.fds.get(&fd)?;
        self.socks.get_mut(&id)
    }

    /// Sends one datagram from the socket behind `fd`; the replies are ready
    /// to read when this returns.
    pub fn send(&mut self, fd: c_int, mut datagram: Vec<u8>) -> Result<usize, Fail> {
        let len = datagram.len();
        let id = *self.fds.get(&fd).ok_or(Fail(libc::EBADF))?;
        self.locked_as(true, |shim, world| {
            let fds: HashMap<c_int, u32> = shim.ns_fds.iter().map(|(fd, id)| (*fd, world.with_net(|n| n.fd_of(*id)))).collect();
            rewrite::request_fds(&mut datagram, &|fd| fds.get(&(fd as c_int)).copied());
            shim.autobind(id);
            let s = shim.socks.get_mut(&id).ok_or(Fail(libc::EBADF))?;
            let sock = s.sock.as_ref().ok_or(Fail(libc::ECONNREFUSED))?;
            let replies = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| sock.send(&datagram))).map_err(|_| Fail(libc::EIO))?;
            shim.deliver(Some((id, replies)));
            Ok(len)
        })
    }

    /// Moves every queued notification (and `replies`, for their socket)
    /// into the socket pairs.
    pub fn deliver(&mut self, replies: Option<(u64, Vec<Vec<u8>>)>) {
        let ports: HashMap<u32, u32> = self.socks.values().filter(|s| s.port != 0).map(|s| (s.inner_port(), s.port)).collect();
        let (rid, mut rmsgs) = match replies {
            Some((id, m)) => (Some(id), m),
            None => (None, Vec::new()),
        };
        for (id, s) in self.socks.iter_mut() {
            let mut msgs = s.sock.as_ref().map(|k| k.drain()).unwrap_or_default();
            if Some(*id) == rid {
                msgs.append(&mut rmsgs);
            }
            for mut m in msgs {
                rewrite::reply_pid(&mut m, &|p| ports.get(&p).copied());
                s.pending.push_back(m);
            }
            s.flush();
        }
    }

    /// Writes what is queued for the socket behind `fd` into its pair, and
    /// catches up with other processes when it listens to groups.
    pub fn before_read(&mut self, fd: c_int) {
        let Some(id) = self.fds.get(&fd).copied() else { return };
        let listens = self.socks.get(&id).is_some_and(|s| !s.groups.is_empty());
        if listens && self.store.as_ref().is_some_and(|s| s.version() != self.seen) {
            let _ = self.locked(|_, _| Ok(()));
        }
        if let Some(s) = self.socks.get_mut(&id) {
            s.flush();
        }
    }

    /// Registers a `/proc/sys/net` writer on application descriptor `fd`.
    pub fn add_writer(&mut self, fd: c_int, w: crate::sysctl_hooks::SysWriter) {
        let id = self.next_id;
        self.next_id += 1;
        self.writers.insert(id, w);
        self.writer_fds.insert(fd, id);
    }

    /// Forgets an application descriptor (closing the socket with its last one).
    pub fn forget_fd(&mut self, fd: c_int) {
        mark(fd, false);
        self.ns_fds.remove(&fd);
        self.drop_writer_fd(fd);
        let Some(id) = self.fds.remove(&fd) else { return };
        let last = match self.socks.get_mut(&id) {
            Some(s) => {
                s.refs = s.refs.saturating_sub(1);
                s.refs == 0
            }
            None => false,
        };
        if last && let Some(s) = self.socks.remove(&id) {
            // SAFETY: the shim's own end of the pair.
            unsafe { crate::real::close(s.peer) };
        }
    }

    /// Records that `new` refers to what `old` does (dup).
    pub fn dup_fd(&mut self, old: c_int, new: c_int) {
        if let Some(id) = self.fds.get(&old).copied() {
            if let Some(s) = self.socks.get_mut(&id) {
                s.refs += 1;
            }
            self.fds.insert(new, id);
            mark(new, true);
        }
        if let Some(ns) = self.ns_fds.get(&old).copied() {
            self.ns_fds.insert(new, ns);
            mark(new, true);
        }
        if self.writer_fds.contains_key(&old) {
            self.dup_writer_fd(old, new);
            mark(new, true);
        }
    }

    /// Whether a descriptor is one of the shim's own pair ends.
    pub fn is_peer(&self, fd: c_int) -> bool {
        self.socks.values().any(|s| s.peer == fd)
    }

    /// Moves the shim's pair end off `fd` (the application wants that number).
    pub fn evict_peer(&mut self, fd: c_int) {
        for s in self.socks.values_mut() {
            if s.peer == fd {
                // SAFETY: duplicating our own descriptor.
                let moved = unsafe { crate::real::fcntl(fd, libc::F_DUPFD_CLOEXEC, 3) };
                if moved >= 0 {
                    s.peer = moved;
                }
            }
        }
    }

    /// Starts the thread that delivers notifications caused by other
    /// processes (once per process, and only with a state file).
    pub fn watch(&mut self) {
        if self.store.is_none() || self.watcher_pid == Some(std::process::id()) {
            return;
        }
        self.watcher_pid = Some(std::process::id());
        let _ = std::thread::Builder::new().name("iplab-watch".into()).spawn(|| {
            crate::guard::hook((), || {
                loop {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    with(|shim| {
                        let changed = shim.store.as_ref().is_some_and(|s| s.version() != shim.seen);
                        if changed {
                            let _ = shim.locked(|_, _| Ok(()));
                        } else {
                            for s in shim.socks.values_mut() {
                                s.flush();
                            }
                        }
                    });
                }
            });
        });
    }

    /// Host operations (`ip netns`, sysctl) on the world, saved afterwards.
    pub fn host<R>(&mut self, f: impl FnOnce(&mut World) -> Result<R, iplab::errno::Errno>) -> Result<R, Fail> {
        self.locked(|_, world| {
            let mut w = world.clone();
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut w))).map_err(|_| Fail(libc::EIO))?.map_err(|e| Fail(e.0))
        })
    }

    /// Sysctl access (`/proc/sys/net`) in the process's current namespace,
    /// saved afterwards. An unnamed namespace (after `unshare`) has none here.
    pub fn sysctl<R>(&mut self, f: impl FnOnce(&mut World) -> Result<R, iplab::errno::Errno>) -> Result<R, Fail> {
        self.locked(|shim, world| {
            let id = shim.current_ns(world)?;
            let mut w = world.clone();
            if id != world.initial_ns() {
                let name = world.with_net(|n| n.name_of(id).map(str::to_string)).ok_or(Fail(libc::ENOENT))?;
                w.set_current_netns(Some(&name)).map_err(|e| Fail(e.0))?;
            }
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut w))).map_err(|_| Fail(libc::EIO))?.map_err(|e| Fail(e.0))
        })
    }

    /// The named namespaces, newest first (as tmpfs lists `/run/netns`);
    /// the hidden ones `unshare` made are not listed.
    pub fn netns_names(&mut self) -> Result<Vec<String>, Fail> {
        self.locked(|_, w| Ok(w.netns_list().into_iter().filter(|n| !n.starts_with(UNSHARED_PREFIX)).collect()))
    }

    /// `unshare(CLONE_NEWNET)`: a fresh namespace of the world, which the
    /// process (and programs it executes, through `IPLAB_NETNS`) is in from
    /// now on; sockets opened before stay in the old one.
    pub fn unshare_net(&mut self) -> Result<(), Fail> {
        self.unshares += 1;
        let name = format!("{UNSHARED_PREFIX}{}-{}", std::process::id(), self.unshares);
        self.host(|w| w.netns_add(&name))?;
        let id = self.world()?.netns(&name).ok_or(Fail(libc::ENOENT))?;
        self.current = Current::Id(id);
        // SAFETY: programs switch namespaces while single-threaded (as
        // with setns); the variable is for programs this one executes.
        unsafe { std::env::set_var("IPLAB_NETNS", &name) };
        self.unshared = Some(name);
        Ok(())
    }

    /// Gives socket `id` its port id if it has none (`netlink_autobind`):
    /// the process id for the first, then random ids in [i32::MIN, -4097]
    /// as Linux picks after a collision.
    pub fn autobind(&mut self, id: u64) {
        if self.socks.get(&id).is_none_or(|s| s.port != 0) {
            return;
        }
        let pid = std::process::id();
        let mut port = pid;
        while self.socks.values().any(|s| s.port == port) {
            let mut r = [0u8; 4];
            // SAFETY: a 4-byte buffer.
            unsafe { libc::getrandom(r.as_mut_ptr().cast(), 4, 0) };
            let span = u32::MAX / 2 - 4096; // -4097 - i32::MIN + 1
            port = (i32::MIN + (u32::from_ne_bytes(r) % span) as i32) as u32;
        }
        if let Some(s) = self.socks.get_mut(&id) {
            s.port = port;
        }
    }
}

/// The credentials sockets are opened with: root has CAP_NET_ADMIN.
pub fn creds() -> Creds {
    // SAFETY: no arguments.
    if unsafe { libc::geteuid() } == 0 { Creds::ROOT } else { Creds::USER }
}
