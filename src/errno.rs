//! Linux errno values used by the stack, and their glibc `strerror` texts
//! (which iproute2 prints after "RTNETLINK answers: ").

/// A Linux errno (positive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Errno(pub i32);

#[allow(missing_docs)]
impl Errno {
    pub const EPERM: Errno = Errno(1);
    pub const ENOENT: Errno = Errno(2);
    pub const ESRCH: Errno = Errno(3);
    pub const EINTR: Errno = Errno(4);
    pub const EIO: Errno = Errno(5);
    pub const ENXIO: Errno = Errno(6);
    pub const E2BIG: Errno = Errno(7);
    pub const EBADF: Errno = Errno(9);
    pub const EAGAIN: Errno = Errno(11);
    pub const ENOMEM: Errno = Errno(12);
    pub const EACCES: Errno = Errno(13);
    pub const EFAULT: Errno = Errno(14);
    pub const EBUSY: Errno = Errno(16);
    pub const EEXIST: Errno = Errno(17);
    pub const EXDEV: Errno = Errno(18);
    pub const ENODEV: Errno = Errno(19);
    pub const ENOTDIR: Errno = Errno(20);
    pub const EISDIR: Errno = Errno(21);
    pub const EINVAL: Errno = Errno(22);
    pub const ENFILE: Errno = Errno(23);
    pub const EMFILE: Errno = Errno(24);
    pub const ENOSPC: Errno = Errno(28);
    pub const EROFS: Errno = Errno(30);
    pub const EMLINK: Errno = Errno(31);
    pub const EPIPE: Errno = Errno(32);
    pub const ERANGE: Errno = Errno(34);
    pub const EDEADLK: Errno = Errno(35);
    pub const ENAMETOOLONG: Errno = Errno(36);
    pub const ENOSYS: Errno = Errno(38);
    pub const ENOTEMPTY: Errno = Errno(39);
    pub const ELOOP: Errno = Errno(40);
    pub const ENODATA: Errno = Errno(61);
    pub const ENOLINK: Errno = Errno(67);
    pub const EPROTO: Errno = Errno(71);
    pub const EMSGSIZE: Errno = Errno(90);
    pub const EPROTONOSUPPORT: Errno = Errno(93);
    pub const EOPNOTSUPP: Errno = Errno(95);
    pub const EAFNOSUPPORT: Errno = Errno(97);
    pub const EADDRINUSE: Errno = Errno(98);
    pub const EADDRNOTAVAIL: Errno = Errno(99);
    pub const ENETDOWN: Errno = Errno(100);
    pub const ENETUNREACH: Errno = Errno(101);
    pub const ECONNRESET: Errno = Errno(104);
    pub const ENOBUFS: Errno = Errno(105);
    pub const EISCONN: Errno = Errno(106);
    pub const ENOTCONN: Errno = Errno(107);
    pub const ETIMEDOUT: Errno = Errno(110);
    pub const ECONNREFUSED: Errno = Errno(111);
    pub const EHOSTUNREACH: Errno = Errno(113);
    pub const EALREADY: Errno = Errno(114);
    pub const EINPROGRESS: Errno = Errno(115);
    pub const ENOTSUP: Errno = Errno(95);

    /// The text glibc's `strerror` gives for this errno.
    pub fn message(self) -> String {
        let text = match self.0 {
            0 => "Success",
            1 => "Operation not permitted",
            2 => "No such file or directory",
            3 => "No such process",
            4 => "Interrupted system call",
            5 => "Input/output error",
            6 => "No such device or address",
            7 => "Argument list too long",
            9 => "Bad file descriptor",
            11 => "Resource temporarily unavailable",
            12 => "Cannot allocate memory",
            13 => "Permission denied",
            14 => "Bad address",
            16 => "Device or resource busy",
            17 => "File exists",
            18 => "Invalid cross-device link",
            19 => "No such device",
            20 => "Not a directory",
            21 => "Is a directory",
            22 => "Invalid argument",
            23 => "Too many open files in system",
            24 => "Too many open files",
            28 => "No space left on device",
            30 => "Read-only file system",
            31 => "Too many links",
            32 => "Broken pipe",
            34 => "Numerical result out of range",
            35 => "Resource deadlock avoided",
            36 => "File name too long",
            38 => "Function not implemented",
            39 => "Directory not empty",
            40 => "Too many levels of symbolic links",
            61 => "No data available",
            67 => "Link has been severed",
            71 => "Protocol error",
            90 => "Message too long",
            93 => "Protocol not supported",
            95 => "Operation not supported",
            97 => "Address family not supported by protocol",
            98 => "Address already in use",
            99 => "Cannot assign requested address",
            100 => "Network is down",
            101 => "Network is unreachable",
            104 => "Connection reset by peer",
            105 => "No buffer space available",
            106 => "Transport endpoint is already connected",
            107 => "Transport endpoint is not connected",
            110 => "Connection timed out",
            111 => "Connection refused",
            113 => "No route to host",
            114 => "Operation already in progress",
            115 => "Operation now in progress",
            n => return format!("Unknown error {n}"),
        };
        text.to_string()
    }
}

/// An error a kernel operation reports: an errno and, where Linux sends one,
/// the extended-ack message. Kept to 16 bytes: it travels by value through
/// every `?` of the kernel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KernelError {
    /// The extended-ack text (`NL_SET_ERR_MSG`), without a trailing period.
    pub extack: Option<&'static str>,
    /// Offset of the offending attribute in the request; 0 for none (no
    /// attribute sits inside the netlink header).
    offset: u32,
    /// The errno (positive; every errno fits).
    errno: u16,
    /// Maximum length of the string policy the attribute failed; 0 for none.
    policy_max: u16,
}

impl KernelError {
    /// An error with no extended-ack message.
    pub const fn new(errno: Errno) -> Self {
        KernelError { errno: errno.0 as u16, extack: None, offset: 0, policy_max: 0 }
    }
    /// An error with an extended-ack message.
    pub const fn msg(errno: Errno, extack: &'static str) -> Self {
        KernelError { errno: errno.0 as u16, extack: Some(extack), offset: 0, policy_max: 0 }
    }
    /// The errno.
    pub const fn errno(&self) -> Errno {
        Errno(self.errno as i32)
    }
    /// Offset of the offending attribute in the request (`NLMSGERR_ATTR_OFFS`).
    pub const fn offset(&self) -> Option<u32> {
        match self.offset {
            0 => None,
            o => Some(o),
        }
    }
    /// The policy the attribute failed (`NLMSGERR_ATTR_POLICY`): its
    /// NL_ATTR_TYPE_* and maximum length.
    pub const fn policy(&self) -> Option<(u32, u32)> {
        match self.policy_max {
            0 => None,
            m => Some((NL_ATTR_TYPE_STRING, m as u32)),
        }
    }
}

impl KernelError {
    /// The same error, pointing at the attribute at `offset` in the request.
    pub const fn at(mut self, offset: u32) -> Self {
        self.offset = offset;
        self
    }
}

impl KernelError {
    /// A string attribute longer than its policy allows (`validate_nla`):
    /// ERANGE with the attribute's offset and policy.
    pub const fn too_long(offset: u32, max_len: u16) -> Self {
        KernelError::msg(Errno::ERANGE, "Attribute failed policy validation").at(offset).with_policy(max_len)
    }
    const fn with_policy(mut self, max_len: u16) -> Self {
        self.policy_max = max_len;
        self
    }
}

/// `NL_ATTR_TYPE_STRING` (an NLA_STRING policy) of the policy dump attributes.
const NL_ATTR_TYPE_STRING: u32 = 11;

impl From<Errno> for KernelError {
    fn from(errno: Errno) -> Self {
        KernelError::new(errno)
    }
}

impl From<crate::wire::WireError> for KernelError {
    fn from(_: crate::wire::WireError) -> Self {
        KernelError::new(Errno::EINVAL)
    }
}

/// The result of a kernel operation.
pub type KResult<T> = Result<T, KernelError>;
