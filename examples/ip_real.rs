//! Runs this crate's `ip` against the real Linux kernel, to compare it byte
//! for byte with iproute2 inside a throwaway namespace:
//!
//! ```sh
//! cargo build --example ip_real
//! unshare --net bash -c 'ip -d link > a; target/debug/examples/ip_real -d link > b; diff a b'
//! ```
//!
//! With `IP_REAL_TRACE=1` every request and reply is written to standard
//! error in hex (how the test fixtures in src/ip were captured).
//!
//! The [`Host`] here is a thin layer over AF_NETLINK sockets, `setns`
//! through /run/netns, and /proc/sys.

#[cfg(target_os = "linux")]
mod real {
    use std::ffi::CString;
    use std::io::Write;

    use iplab::errno::Errno;
    use iplab::host::{Host, NetlinkSocket, SockOpt};
    use iplab::output::{Output, Stream};

    const NETNS_RUN_DIR: &str = "/run/netns";

    fn last_errno() -> Errno {
        Errno(std::io::Error::last_os_error().raw_os_error().unwrap_or(5))
    }

    /// A NETLINK_ROUTE socket of the running kernel.
    struct RealSocket {
        fd: libc::c_int,
        pid: u32,
    }

    impl RealSocket {
        fn open() -> Result<RealSocket, Errno> {
            // SAFETY: plain socket syscalls on a descriptor owned by this value.
            unsafe {
                let fd = libc::socket(libc::AF_NETLINK, libc::SOCK_RAW | libc::SOCK_CLOEXEC, libc::NETLINK_ROUTE);
                if fd < 0 {
                    return Err(last_errno());
                }
                let sndbuf: libc::c_int = 32768;
                let rcvbuf: libc::c_int = 1024 * 1024;
                let sz = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
                libc::setsockopt(fd, libc::SOL_SOCKET, libc::SO_SNDBUF, (&sndbuf as *const libc::c_int).cast(), sz);
                libc::setsockopt(fd, libc::SOL_SOCKET, libc::SO_RCVBUF, (&rcvbuf as *const libc::c_int).cast(), sz);
                let mut sa: libc::sockaddr_nl = std::mem::zeroed();
                sa.nl_family = libc::AF_NETLINK as libc::sa_family_t;
                let salen = std::mem::size_of::<libc::sockaddr_nl>() as libc::socklen_t;
                if libc::bind(fd, (&sa as *const libc::sockaddr_nl).cast(), salen) < 0 {
                    let e = last_errno();
                    libc::close(fd);
                    return Err(e);
                }
                let mut len = salen;
                if libc::getsockname(fd, (&mut sa as *mut libc::sockaddr_nl).cast(), &mut len) < 0 {
                    let e = last_errno();
                    libc::close(fd);
                    return Err(e);
                }
                Ok(RealSocket { fd, pid: sa.nl_pid })
            }
        }

        fn setopt(&self, level: libc::c_int, name: libc::c_int, val: libc::c_int) -> Result<(), Errno> {
            let sz = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
            // SAFETY: the value outlives the call; the descriptor is ours.
            let r = unsafe { libc::setsockopt(self.fd, level, name, (&val as *const libc::c_int).cast(), sz) };
            if r < 0 { Err(last_errno()) } else { Ok(()) }
        }

        /// Reads every datagram already queued (dumps continue as they
        /// are read) and splits them into messages.
        fn read_all(&mut self) -> Vec<Vec<u8>> {
            let mut out = Vec::new();
            let mut buf = vec![0u8; 1 << 20];
            loop {
                // SAFETY: the buffer is valid for its length.
                let n = unsafe { libc::recv(self.fd, buf.as_mut_ptr().cast(), buf.len(), libc::MSG_DONTWAIT) };
                if n <= 0 {
                    break;
                }
                let mut dg = &buf[..n as usize];
                while dg.len() >= 16 {
                    let len = u32::from_ne_bytes([dg[0], dg[1], dg[2], dg[3]]) as usize;
                    if len < 16 || len > dg.len() {
                        break;
                    }
                    out.push(dg[..len].to_vec());
                    let adv = ((len + 3) & !3).min(dg.len());
                    dg = &dg[adv..];
                }
            }
            out
        }
    }

    impl Drop for RealSocket {
        fn drop(&mut self) {
            // SAFETY: closing the descriptor this value owns.
            unsafe {
                libc::close(self.fd);
            }
        }
    }

    impl NetlinkSocket for RealSocket {
        fn send(&mut self, datagram: &[u8]) -> Vec<Vec<u8>> {
            // SAFETY: the address and buffer are valid for the call.
            unsafe {
                let mut sa: libc::sockaddr_nl = std::mem::zeroed();
                sa.nl_family = libc::AF_NETLINK as libc::sa_family_t;
                libc::sendto(
                    self.fd,
                    datagram.as_ptr().cast(),
                    datagram.len(),
                    0,
                    (&sa as *const libc::sockaddr_nl).cast(),
                    std::mem::size_of::<libc::sockaddr_nl>() as libc::socklen_t,
                );
            }
            let replies = self.read_all();
            if std::env::var_os("IP_REAL_TRACE").is_some() {
                let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
                eprintln!("> {}", hex(datagram));
                for r in &replies {
                    eprintln!("< {}", hex(r));
                }
            }
            replies
        }
        fn drain(&mut self) -> Vec<Vec<u8>> {
            self.read_all()
        }
        fn port_id(&self) -> u32 {
            self.pid
        }
        fn set_option(&mut self, opt: SockOpt) -> Result<(), Errno> {
            const SOL_NETLINK: libc::c_int = 270;
            match opt {
                SockOpt::ExtAck(on) => self.setopt(SOL_NETLINK, 11, on as libc::c_int),
                SockOpt::CapAck(on) => self.setopt(SOL_NETLINK, 10, on as libc::c_int),
                SockOpt::StrictCheck(on) => self.setopt(SOL_NETLINK, 12, on as libc::c_int),
                SockOpt::AddMembership(g) => self.setopt(SOL_NETLINK, 1, g as libc::c_int),
                SockOpt::DropMembership(g) => self.setopt(SOL_NETLINK, 2, g as libc::c_int),
                SockOpt::RcvBuf(n) => self.setopt(libc::SOL_SOCKET, libc::SO_RCVBUF, n as libc::c_int),
                SockOpt::RcvBufForce(n) => self.setopt(libc::SOL_SOCKET, libc::SO_RCVBUFFORCE, n as libc::c_int),
                SockOpt::BindGroups(mask) => {
                    // SAFETY: rebinding our own descriptor with a local address.
                    unsafe {
                        let mut sa: libc::sockaddr_nl = std::mem::zeroed();
                        sa.nl_family = libc::AF_NETLINK as libc::sa_family_t;
                        sa.nl_pid = self.pid;
                        sa.nl_groups = mask;
                        let r = libc::bind(
                            self.fd,
                            (&sa as *const libc::sockaddr_nl).cast(),
                            std::mem::size_of::<libc::sockaddr_nl>() as libc::socklen_t,
                        );
                        if r < 0 { Err(last_errno()) } else { Ok(()) }
                    }
                }
            }
        }
    }

    /// The running system, seen through its current network namespace.
    pub struct RealHost {
        current: Option<String>,
        /// The namespace the process started in.
        origin: libc::c_int,
    }

    fn open_ro(path: &str) -> Result<libc::c_int, Errno> {
        let c = CString::new(path).map_err(|_| Errno::EINVAL)?;
        // SAFETY: a NUL-terminated path.
        let fd = unsafe { libc::open(c.as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC) };
        if fd < 0 { Err(last_errno()) } else { Ok(fd) }
    }

    fn setns(fd: libc::c_int) -> Result<(), Errno> {
        // SAFETY: switching namespaces with a descriptor we opened.
        let r = unsafe { libc::setns(fd, libc::CLONE_NEWNET) };
        if r < 0 { Err(last_errno()) } else { Ok(()) }
    }

    impl RealHost {
        /// The host, remembering the starting namespace.
        pub fn new() -> Result<RealHost, Errno> {
            Ok(RealHost { current: None, origin: open_ro("/proc/self/ns/net")? })
        }

        fn enter(&self, ns: Option<&str>) -> Result<(), Errno> {
            match ns {
                Some(n) => {
                    let fd = open_ro(&format!("{NETNS_RUN_DIR}/{n}"))?;
                    let r = setns(fd);
                    // SAFETY: closing a descriptor we opened.
                    unsafe { libc::close(fd) };
                    r
                }
                None => setns(self.origin),
            }
        }

        fn key_path(key: &str) -> String {
            format!("/proc/sys/{}", key.replace('.', "/"))
        }
    }

    impl Host for RealHost {
        fn socket(&mut self, netns: Option<&str>) -> Result<Box<dyn NetlinkSocket>, Errno> {
            if netns.is_none() {
                return Ok(Box::new(RealSocket::open()?));
            }
            self.enter(netns)?;
            let s = RealSocket::open();
            self.enter(self.current.clone().as_deref())?;
            Ok(Box::new(s?))
        }
        fn netns_list(&self) -> Vec<String> {
            let mut v: Vec<(std::time::SystemTime, String)> = std::fs::read_dir(NETNS_RUN_DIR)
                .map(|d| {
                    d.flatten()
                        .map(|e| {
                            let t = e.metadata().and_then(|m| m.modified()).unwrap_or(std::time::UNIX_EPOCH);
                            (t, e.file_name().to_string_lossy().into_owned())
                        })
                        .collect()
                })
                .unwrap_or_default();
            v.sort_by_key(|e| std::cmp::Reverse(e.0));
            v.into_iter().map(|(_, n)| n).collect()
        }
        fn netns_add(&mut self, name: &str) -> Result<(), Errno> {
            // What `ip netns add` does, minus the shared-mount setup: the
            // name's file, then a new namespace bound onto it (unshared by a
            // helper thread so this process stays where it is).
            let _ = std::fs::create_dir(NETNS_RUN_DIR);
            let path = format!("{NETNS_RUN_DIR}/{name}");
            let c = CString::new(path.clone()).map_err(|_| Errno::EINVAL)?;
            // SAFETY: a NUL-terminated path; the descriptor is closed at once.
            let fd = unsafe { libc::open(c.as_ptr(), libc::O_RDONLY | libc::O_CREAT | libc::O_EXCL, 0) };
            if fd < 0 {
                return Err(last_errno());
            }
            // SAFETY: closing the descriptor just opened.
            unsafe { libc::close(fd) };
            let bound = std::thread::spawn(move || {
                // SAFETY: unshare affects only this helper thread; the mount
                // arguments are NUL-terminated strings that outlive the call.
                unsafe {
                    if libc::unshare(libc::CLONE_NEWNET) < 0 {
                        return Err(last_errno());
                    }
                    let src = CString::new("/proc/thread-self/ns/net").map_err(|_| Errno::EINVAL)?;
                    let none = CString::new("none").map_err(|_| Errno::EINVAL)?;
                    if libc::mount(src.as_ptr(), c.as_ptr(), none.as_ptr(), libc::MS_BIND, std::ptr::null()) < 0 {
                        return Err(last_errno());
                    }
                }
                Ok(())
            })
            .join()
            .unwrap_or(Err(Errno::EIO));
            if bound.is_err() {
                let _ = std::fs::remove_file(&path);
            }
            bound
        }
        fn netns_del(&mut self, name: &str) -> Result<(), Errno> {
            let path = format!("{NETNS_RUN_DIR}/{name}");
            let c = CString::new(path).map_err(|_| Errno::EINVAL)?;
            // SAFETY: NUL-terminated path.
            unsafe {
                libc::umount2(c.as_ptr(), libc::MNT_DETACH);
                if libc::unlink(c.as_ptr()) < 0 {
                    return Err(last_errno());
                }
            }
            Ok(())
        }
        fn netns_fd(&mut self, name: &str) -> Result<u32, Errno> {
            open_ro(&format!("{NETNS_RUN_DIR}/{name}")).map(|fd| fd as u32)
        }
        fn current_netns(&self) -> Option<String> {
            self.current.clone()
        }
        fn set_current_netns(&mut self, netns: Option<&str>) -> Result<(), Errno> {
            self.enter(netns)?;
            self.current = netns.map(str::to_string);
            Ok(())
        }
        fn sysctl_get(&self, key: &str) -> Result<String, Errno> {
            std::fs::read_to_string(Self::key_path(key))
                .map(|s| s.trim_end_matches('\n').to_string())
                .map_err(|e| Errno(e.raw_os_error().unwrap_or(2)))
        }
        fn sysctl_set(&mut self, key: &str, value: &str) -> Result<(), Errno> {
            std::fs::write(Self::key_path(key), value).map_err(|e| Errno(e.raw_os_error().unwrap_or(2)))
        }
        fn stdout_is_terminal(&self) -> bool {
            // SAFETY: isatty only inspects the descriptor.
            unsafe { libc::isatty(1) == 1 }
        }
        fn read_file(&self, path: &str) -> Result<String, Errno> {
            std::fs::read_to_string(path).map_err(|e| Errno(e.raw_os_error().unwrap_or(2)))
        }
        fn sysctl_keys(&self) -> Vec<String> {
            fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
                let Ok(rd) = std::fs::read_dir(dir) else { return };
                for e in rd.flatten() {
                    let p = e.path();
                    if p.is_dir() {
                        walk(&p, out);
                    } else if let Ok(rel) = p.strip_prefix("/proc/sys") {
                        out.push(rel.to_string_lossy().replace('/', "."));
                    }
                }
            }
            let mut v = Vec::new();
            walk(std::path::Path::new("/proc/sys/net"), &mut v);
            v.sort();
            v
        }
    }

    /// Runs `ip` with the command line and prints what it printed.
    pub fn main() {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let mut host = match RealHost::new() {
            Ok(h) => h,
            Err(e) => {
                eprintln!("ip_real: {}", e.message());
                std::process::exit(1);
            }
        };
        let mut out = Output::new();
        let status = iplab::ip::run(&mut host, &args, &mut out);
        let mut so = std::io::stdout().lock();
        let mut se = std::io::stderr().lock();
        for (stream, text) in &out.chunks {
            let _ = match stream {
                Stream::Out => so.write_all(text.as_bytes()).and_then(|_| so.flush()),
                Stream::Err => se.write_all(text.as_bytes()).and_then(|_| se.flush()),
            };
        }
        std::process::exit(status);
    }
}

#[cfg(target_os = "linux")]
fn main() {
    real::main();
}

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("ip_real needs Linux");
    std::process::exit(1);
}
