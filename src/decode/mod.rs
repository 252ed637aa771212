//! A readable decoding of netlink messages, for an inspector: the message
//! type and flag names, the header fields, the family's fixed header, and
//! every attribute with its `IFLA_`/`IFA_`/`RTA_`/`NDA_`/`FRA_`/`NFTA_`
//! name, a decoded value (strings, addresses, integers, nested attributes)
//! and the raw bytes in hex.
//!
//! The protocol decides what a type number means (NFNL_MSG_BATCH_BEGIN and
//! RTM_NEWLINK are both 16): [`decode_as`] takes it; [`decode`] reads
//! rtnetlink, and nfnetlink for the nf_tables and nft_compat subsystems.
//! The families' fixed headers and names live in [`rtnetlink`] and
//! [`nfnetlink`]; the attribute spaces are those of [`crate::wire`].
//!
//! It never panics and never refuses what it can partly read: a field or
//! attribute that does not fit is shown as bytes with a `problem` note. Only
//! a datagram that holds no message at all is an error.

mod nfnetlink;
mod rtnetlink;
mod value;

use self::rtnetlink::family_name;
use self::value::read_value;
use crate::rtnetlink::Protocol;
use crate::text::Names;
use crate::wire::attr::{NLA_F_NESTED, NLA_F_NET_BYTEORDER, NLA_HEADER_LEN, NLA_TYPE_MASK};
use crate::wire::header::{HEADER_LEN, HeaderRepr, MessageIter};
use crate::wire::link;
use crate::wire::schema::{self, Type};
use crate::wire::{NLM_F_ACK_TLVS, NLM_F_CAPPED, align4, get_u16, get_u32};

/// A decoded value: a number, a string, or nothing.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
pub enum Value {
    /// An integer (exact in JavaScript: larger values become [`Value::Text`]).
    Number(i64),
    /// A string, an address, or a hex dump.
    Text(String),
    /// No value (a flag attribute, or a nest whose content is in `attributes`).
    None,
}

impl Value {
    fn unsigned(v: u64) -> Value {
        if v <= (1u64 << 53) { Value::Number(v as i64) } else { Value::Text(v.to_string()) }
    }
}

/// One field of a fixed structure (a header, or a struct-valued attribute).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Field {
    /// The C field name, e.g. `ifi_flags`.
    pub name: &'static str,
    /// Its numeric (or string) value.
    pub value: Value,
    /// A readable form, e.g. `UP|LOWER_UP` or `main`, when one exists.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub text: Option<String>,
}

/// One attribute.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Attr {
    /// The type number, without the flag bits.
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub kind: u16,
    /// The constant's name, e.g. `IFLA_IFNAME`, or `UNKNOWN_17`.
    pub name: String,
    /// `nla_len`: header and payload, without padding.
    pub len: u16,
    /// Offset of the attribute within its message.
    pub offset: usize,
    /// Whether NLA_F_NESTED was set.
    pub nested: bool,
    /// Whether NLA_F_NET_BYTEORDER was set.
    pub net_byteorder: bool,
    /// How the payload was read: `u8`, `u16`, `u32`, `s32`, `u64`, `be16`,
    /// `be32`, `string`, `ipv4`, `ipv6`, `mac`, `flag`, `struct`, `nested`,
    /// `binary`.
    pub format: &'static str,
    /// The decoded value.
    pub value: Value,
    /// A readable form of the value (flag names, enum names), when one exists.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub text: Option<String>,
    /// Fields of a struct-valued payload (cache info, statistics, next hops).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub fields: Vec<Field>,
    /// Nested attributes.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub attributes: Vec<Attr>,
    /// The whole attribute (header and payload) in hex.
    pub hex: String,
    /// What did not fit, if anything.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub problem: Option<String>,
}

/// The content of an NLMSG_ERROR message.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct ErrorInfo {
    /// The (negative) errno; 0 for an acknowledgement.
    pub error: i32,
    /// The errno's name, e.g. `EEXIST` (empty for an ACK).
    pub errno_name: String,
    /// strerror's text, e.g. `File exists`.
    pub message: String,
    /// The extended-ack message, if any.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub extack: Option<String>,
    /// The offending attribute's offset in the request, if given.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub offset: Option<u32>,
    /// The echoed request, decoded as far as it was echoed.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub request: Option<Box<Message>>,
}

/// One decoded message.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Message {
    /// `nlmsg_len`.
    pub len: u32,
    /// `nlmsg_type`.
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub kind: u16,
    /// The type's name, e.g. `RTM_NEWLINK` or `NLMSG_DONE`.
    pub type_name: String,
    /// `nlmsg_flags`.
    pub flags: u16,
    /// The names of the set flags, read as this type means them.
    pub flag_names: Vec<&'static str>,
    /// `nlmsg_seq`.
    pub seq: u32,
    /// `nlmsg_pid`.
    pub pid: u32,
    /// The family's fixed header (`ifinfomsg`, `ifaddrmsg`, `rtmsg`, ...).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub header_name: Option<&'static str>,
    /// The fields of that header.
    pub header: Vec<Field>,
    /// The attributes after the fixed header.
    pub attributes: Vec<Attr>,
    /// For NLMSG_ERROR: the error or acknowledgement.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub error: Option<ErrorInfo>,
    /// The whole message in hex.
    pub hex: String,
    /// What did not fit, if anything.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub problem: Option<String>,
}

/// Every message of a datagram.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Datagram {
    /// The messages, in order.
    pub messages: Vec<Message>,
    /// What could not be read after the last message, if anything.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub problem: Option<String>,
}

/// Decodes a datagram of one or more netlink messages.
///
/// Fails only when no message can be read at all (fewer than 16 bytes, or a
/// first `nlmsg_len` that contradicts the buffer).
pub fn decode(bytes: &[u8]) -> Result<Datagram, String> {
    decode_in(bytes, None)
}

/// Decodes a datagram of a given netlink protocol (as [`decode`]).
pub fn decode_as(bytes: &[u8], protocol: Protocol) -> Result<Datagram, String> {
    decode_in(bytes, Some(protocol))
}

fn decode_in(bytes: &[u8], protocol: Option<Protocol>) -> Result<Datagram, String> {
    if bytes.len() < HEADER_LEN {
        return Err(format!("not a netlink message: {} byte{}, a header needs 16", bytes.len(), if bytes.len() == 1 { "" } else { "s" }));
    }
    let mut messages = Vec::new();
    let mut problem = None;
    let mut consumed = 0usize;
    for m in MessageIter::new(bytes) {
        match m {
            Ok(m) => {
                consumed += align4(m.bytes.len());
                messages.push(decode_message_in(m.header, m.bytes, protocol));
            }
            Err(_) => {
                let at = consumed.min(bytes.len());
                let len = get_u32(bytes, at).unwrap_or(0);
                let msg = format!(
                    "bad nlmsg_len {len} at byte {at}: {} byte{} left",
                    bytes.len() - at,
                    if bytes.len() - at == 1 { "" } else { "s" }
                );
                if messages.is_empty() {
                    return Err(format!("not a netlink message: {msg}"));
                }
                problem = Some(msg);
            }
        }
    }
    let rest = bytes.len().saturating_sub(consumed);
    if problem.is_none() && rest > 0 && !bytes.get(consumed..).unwrap_or_default().iter().all(|&b| b == 0) {
        problem = Some(format!("{rest} trailing byte{} after the last message", if rest == 1 { "" } else { "s" }));
    }
    Ok(Datagram { messages, problem })
}

/// Decodes one message (`bytes` is exactly `nlmsg_len` long, as the header says).
pub fn decode_message(h: HeaderRepr, bytes: &[u8]) -> Message {
    decode_message_in(h, bytes, None)
}

/// Decodes one message of a given netlink protocol (as [`decode_message`]).
pub fn decode_message_as(h: HeaderRepr, bytes: &[u8], protocol: Protocol) -> Message {
    decode_message_in(h, bytes, Some(protocol))
}

fn decode_message_in(h: HeaderRepr, bytes: &[u8], protocol: Option<Protocol>) -> Message {
    let payload = bytes.get(HEADER_LEN..).unwrap_or(&[]);
    let mut msg = Message {
        len: h.len,
        kind: h.kind,
        type_name: type_name_in(h.kind, protocol),
        flags: h.flags,
        flag_names: flag_names_in(h.kind, h.flags, protocol),
        seq: h.seq,
        pid: h.pid,
        header_name: None,
        header: Vec::new(),
        attributes: Vec::new(),
        error: None,
        hex: hex(bytes),
        problem: None,
    };
    match h.kind {
        2 => decode_error(&mut msg, h.flags, payload, protocol),
        3 => {
            // NLMSG_DONE carries an int: 0, or the dump's error.
            if let Some(v) = get_u32(payload, 0) {
                msg.header_name = Some("int");
                msg.header.push(field("error", Value::Number(i64::from(v as i32)), errno_text(v as i32)));
            }
            // Extended-ack TLVs may follow (NLM_F_ACK_TLVS).
            if h.flags & NLM_F_ACK_TLVS != 0 && payload.len() > 4 {
                msg.attributes = attrs(payload.get(4..).unwrap_or_default(), HEADER_LEN + 4, ERR_ATTR, 0);
            }
        }
        1 | 4 => {}
        k if nfnetlink::owns(k, protocol) => nfnetlink::decode_family(&mut msg, k, payload),
        k if protocol == Some(Protocol::SockDiag) => {
            if !payload.is_empty() {
                msg.problem = Some(format!("NETLINK_SOCK_DIAG message type {k}: payload not decoded"));
            }
        }
        k => rtnetlink::decode_family(&mut msg, k, payload),
    }
    msg
}

fn decode_error(msg: &mut Message, flags: u16, payload: &[u8], protocol: Option<Protocol>) {
    msg.header_name = Some("nlmsgerr");
    let Some(raw) = get_u32(payload, 0) else {
        msg.problem = Some("NLMSG_ERROR shorter than struct nlmsgerr".into());
        return;
    };
    let error = raw as i32;
    msg.header.push(field("error", Value::Number(i64::from(error)), errno_text(error)));
    let echoed = payload.get(4..).unwrap_or(&[]);
    let request = HeaderRepr::parse(echoed).ok();
    let mut info = ErrorInfo {
        error,
        errno_name: if error == 0 { String::new() } else { errno_name(error.saturating_neg()) },
        message: crate::errno::Errno(error.saturating_neg()).message(),
        extack: None,
        offset: None,
        request: None,
    };
    if let Some(req) = request {
        // The whole request is echoed unless capped (or for an ACK).
        let full = flags & NLM_F_CAPPED == 0 && error != 0;
        let echoed_len = if full { (req.len as usize).min(echoed.len()) } else { HEADER_LEN.min(echoed.len()) };
        let mut inner = decode_message_in(req, &echoed[..echoed_len], protocol);
        if echoed_len < req.len as usize {
            inner.problem = Some(format!("only the first {echoed_len} of {} bytes echoed", req.len));
            inner.header.clear();
            inner.attributes.clear();
            inner.header_name = None;
        }
        info.request = Some(Box::new(inner));
        if flags & NLM_F_ACK_TLVS != 0 {
            let start = align4(4 + echoed_len);
            let tlvs = payload.get(start..).unwrap_or(&[]);
            msg.attributes = attrs(tlvs, HEADER_LEN + start, ERR_ATTR, 0);
            for a in &msg.attributes {
                match (a.kind, &a.value) {
                    (1, Value::Text(s)) => info.extack = Some(s.clone()),
                    (2, Value::Number(n)) => info.offset = Some(*n as u32),
                    _ => {}
                }
            }
        }
    } else {
        msg.problem = Some("NLMSG_ERROR without the request header".into());
    }
    msg.error = Some(info);
}

/// Which set of attribute numbers a buffer uses.
type Space = &'static schema::Space;

/// The attributes of link messages.
const LINK: Space = &link::ifla::SPACE;
/// The extended-ack attributes of an error.
const ERR_ATTR: Space = &crate::wire::errmsg::nlmsgerr_attr::SPACE;
/// Spaces this decoder knows only by their prefix.
static NDTA: schema::Space = schema::Space::opaque("NDTA_");
static IFLA_STATS: schema::Space = schema::Space::opaque("IFLA_STATS_");

/// The name of attribute `kind` of `space` and how its payload is read.
fn spec(space: Space, kind: u16, family: u8) -> (String, Type) {
    if *space == link::AF_SPEC_SPACE {
        // IFLA_AF_SPEC: the bridge's own attributes in AF_BRIDGE messages,
        // else one nest per address family, named by the family.
        if family == crate::wire::AF_BRIDGE {
            return spec(&link::bridge_af::SPACE, kind, family);
        }
        return (family_name(kind as u8), Type::Nested(link::af_spec_space(kind)));
    }
    let ty = match space.ty(kind) {
        // A neighbour's link-layer address is shown as a MAC only in the bridge's table.
        Type::LlAddr if *space == crate::wire::neigh::nda::SPACE && family != crate::wire::AF_BRIDGE => Type::Unspec,
        t => t,
    };
    (space.full_name(kind), ty)
}

/// Decodes the attributes of `buf`, which starts `base` bytes into its message.
fn attrs(buf: &[u8], base: usize, space: Space, family: u8) -> Vec<Attr> {
    let mut out = Vec::new();
    let mut pos = 0usize;
    while buf.len().saturating_sub(pos) >= NLA_HEADER_LEN {
        let len = get_u16(buf, pos).unwrap_or(0) as usize;
        let raw = get_u16(buf, pos + 2).unwrap_or(0);
        let kind = raw & NLA_TYPE_MASK;
        if len < NLA_HEADER_LEN || pos + len > buf.len() {
            let (name, _) = spec(space, kind, family);
            out.push(Attr {
                kind,
                name,
                len: len as u16,
                offset: base + pos,
                nested: raw & NLA_F_NESTED != 0,
                net_byteorder: raw & NLA_F_NET_BYTEORDER != 0,
                format: "binary",
                value: Value::None,
                text: None,
                fields: Vec::new(),
                attributes: Vec::new(),
                hex: hex(buf.get(pos..).unwrap_or_default()),
                problem: Some(format!("nla_len {len} does not fit the {} bytes left", buf.len() - pos)),
            });
            break;
        }
        let (name, mut fmt) = spec(space, kind, family);
        if let Type::ByName(sibling, lookup) = fmt {
            fmt = Type::Nested(lookup(string_attr(buf, sibling)));
        }
        let value = buf.get(pos + NLA_HEADER_LEN..pos + len).unwrap_or_default();
        let mut a = Attr {
            kind,
            name,
            len: len as u16,
            offset: base + pos,
            nested: raw & NLA_F_NESTED != 0,
            net_byteorder: raw & NLA_F_NET_BYTEORDER != 0,
            format: "binary",
            value: Value::None,
            text: None,
            fields: Vec::new(),
            attributes: Vec::new(),
            hex: hex(buf.get(pos..pos + len).unwrap_or_default()),
            problem: None,
        };
        read_value(&mut a, fmt, value, base + pos + NLA_HEADER_LEN, family);
        out.push(a);
        pos += align4(len);
    }
    out
}

/// The text of the first string attribute of type `want` in `buf` ("" if none).
fn string_attr(buf: &[u8], want: u16) -> &str {
    let v = crate::wire::attr::NlaIter::new(buf).map_while(Result::ok).find(|n| n.kind == want).map_or(&[][..], |n| n.value);
    let end = v.iter().position(|&c| c == 0).unwrap_or(v.len());
    core::str::from_utf8(v.get(..end).unwrap_or_default()).unwrap_or("")
}

fn field(name: &'static str, value: Value, text: Option<String>) -> Field {
    Field { name, value, text }
}

/// Lower-case hex bytes separated by spaces.
pub fn hex(b: &[u8]) -> String {
    crate::text::hex_joined(b, Some(' '))
}

fn mac(b: &[u8]) -> String {
    crate::text::colon_hex(b)
}

/// The name at `n` in `table`, or the number where it has none.
pub(crate) fn name_at(table: Names, n: u32) -> String {
    match table.get(n as usize) {
        Some(s) if !s.is_empty() => (*s).to_string(),
        _ => n.to_string(),
    }
}

/// `A|B|0x40` for the set bits of `v` (bit i named by `names[i]`).
fn bits(v: u32, names: Names) -> String {
    let mut parts = Vec::new();
    let mut rest = 0u32;
    for i in 0..32 {
        let bit = 1u32 << i;
        if v & bit != 0 {
            match names.get(i) {
                Some(n) if !n.is_empty() => parts.push((*n).to_string()),
                _ => rest |= bit,
            }
        }
    }
    if rest != 0 {
        parts.push(format!("{rest:#x}"));
    }
    if parts.is_empty() { "0".into() } else { parts.join("|") }
}

/// `RTM_NEWLINK`, `NLMSG_ERROR`, `NFT_MSG_NEWRULE`, ... or the number, as
/// [`decode`] reads type numbers.
pub fn type_name(kind: u16) -> String {
    type_name_in(kind, None)
}

/// The name of a message type of a given netlink protocol.
pub fn type_name_as(kind: u16, protocol: Protocol) -> String {
    type_name_in(kind, Some(protocol))
}

fn type_name_in(kind: u16, protocol: Option<Protocol>) -> String {
    let control = match kind {
        crate::wire::NLMSG_NOOP => Some("NLMSG_NOOP"),
        crate::wire::NLMSG_ERROR => Some("NLMSG_ERROR"),
        crate::wire::NLMSG_DONE => Some("NLMSG_DONE"),
        crate::wire::NLMSG_OVERRUN => Some("NLMSG_OVERRUN"),
        _ => None,
    };
    if let Some(name) = control {
        return name.to_string();
    }
    if nfnetlink::owns(kind, protocol) {
        return nfnetlink::type_name(kind);
    }
    match (protocol, kind) {
        (Some(Protocol::SockDiag), 20) => "SOCK_DIAG_BY_FAMILY".into(),
        (Some(Protocol::SockDiag), 21) => "SOCK_DESTROY".into(),
        (Some(Protocol::SockDiag), k) => format!("UNKNOWN_{k}"),
        (_, k) => rtnetlink::type_name(k).map_or_else(|| format!("UNKNOWN_{k}"), str::to_string),
    }
}

/// What a request type's high flag bits mean (`NLM_F_CREATE` for NEW, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    New,
    Del,
    Get,
    Other,
}

/// The names of the set `nlmsg_flags`, read as this message type means
/// them (as [`decode`] reads type numbers).
pub fn flag_names(kind: u16, flags: u16) -> Vec<&'static str> {
    flag_names_in(kind, flags, None)
}

fn flag_names_in(kind: u16, flags: u16, protocol: Option<Protocol>) -> Vec<&'static str> {
    let mut out = Vec::new();
    let common: &[(u16, &str)] = &[
        (0x01, "NLM_F_REQUEST"),
        (0x02, "NLM_F_MULTI"),
        (0x04, "NLM_F_ACK"),
        (0x08, "NLM_F_ECHO"),
        (0x10, "NLM_F_DUMP_INTR"),
        (0x20, "NLM_F_DUMP_FILTERED"),
    ];
    for &(bit, name) in common {
        if flags & bit != 0 {
            out.push(name);
        }
    }
    let class = if kind < 16 {
        Class::Other
    } else if nfnetlink::owns(kind, protocol) {
        nfnetlink::class(kind)
    } else if protocol == Some(Protocol::SockDiag) {
        Class::Get
    } else {
        rtnetlink::class(kind)
    };
    let high: &[(u16, &str)] = if kind == 2 || kind == 3 {
        &[(0x100, "NLM_F_CAPPED"), (0x200, "NLM_F_ACK_TLVS")]
    } else {
        match class {
            Class::New => &[(0x100, "NLM_F_REPLACE"), (0x200, "NLM_F_EXCL"), (0x400, "NLM_F_CREATE"), (0x800, "NLM_F_APPEND")],
            Class::Del => &[(0x100, "NLM_F_NONREC"), (0x200, "NLM_F_BULK")],
            Class::Get => &[(0x100, "NLM_F_ROOT"), (0x200, "NLM_F_MATCH"), (0x400, "NLM_F_ATOMIC")],
            Class::Other => &[],
        }
    };
    let mut known = 0x3fu16;
    if class == Class::Get && flags & 0x300 == 0x300 {
        out.push("NLM_F_DUMP");
        known |= 0x300;
    }
    for &(bit, name) in high {
        known |= bit;
        if flags & bit != 0 && !out.contains(&name) && !(bit & 0x300 != 0 && out.contains(&"NLM_F_DUMP")) {
            out.push(name);
        }
    }
    if flags & !known != 0 {
        out.push("UNKNOWN");
    }
    out
}

fn errno_text(error: i32) -> Option<String> {
    if error == 0 {
        None
    } else {
        Some(format!("{} ({})", errno_name(error.saturating_neg()), crate::errno::Errno(error.saturating_neg()).message()))
    }
}

/// `EEXIST` for 17, and so on; the number for errnos without a name here.
pub fn errno_name(n: i32) -> String {
    let name = match n {
        1 => "EPERM",
        2 => "ENOENT",
        3 => "ESRCH",
        4 => "EINTR",
        5 => "EIO",
        6 => "ENXIO",
        7 => "E2BIG",
        9 => "EBADF",
        11 => "EAGAIN",
        12 => "ENOMEM",
        13 => "EACCES",
        14 => "EFAULT",
        16 => "EBUSY",
        17 => "EEXIST",
        18 => "EXDEV",
        19 => "ENODEV",
        20 => "ENOTDIR",
        22 => "EINVAL",
        23 => "ENFILE",
        24 => "EMFILE",
        28 => "ENOSPC",
        34 => "ERANGE",
        35 => "EDEADLK",
        36 => "ENAMETOOLONG",
        38 => "ENOSYS",
        39 => "ENOTEMPTY",
        40 => "ELOOP",
        61 => "ENODATA",
        67 => "ENOLINK",
        71 => "EPROTO",
        90 => "EMSGSIZE",
        93 => "EPROTONOSUPPORT",
        95 => "EOPNOTSUPP",
        97 => "EAFNOSUPPORT",
        98 => "EADDRINUSE",
        99 => "EADDRNOTAVAIL",
        100 => "ENETDOWN",
        101 => "ENETUNREACH",
        105 => "ENOBUFS",
        110 => "ETIMEDOUT",
        113 => "EHOSTUNREACH",
        114 => "EALREADY",
        n => return format!("E{n}"),
    };
    name.to_string()
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_nfnetlink;
