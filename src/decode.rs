//! A readable decoding of netlink messages, for an inspector: the message
//! type and flag names, the header fields, the family's fixed header, and
//! every attribute with its `IFLA_`/`IFA_`/`RTA_`/`NDA_`/`FRA_` name, a
//! decoded value (strings, addresses, integers, nested attributes) and the
//! raw bytes in hex.
//!
//! It never panics and never refuses what it can partly read: a field or
//! attribute that does not fit is shown as bytes with a `problem` note. Only
//! a datagram that holds no message at all is an error.

use crate::text::Names;
use crate::wire::attr::{NLA_F_NESTED, NLA_F_NET_BYTEORDER, NLA_HEADER_LEN, NLA_TYPE_MASK};
use crate::wire::header::{HEADER_LEN, HeaderRepr, MessageIter};
use crate::wire::link;
use crate::wire::nftables as nft;
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
                messages.push(decode_message(m.header, m.bytes));
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
    let payload = bytes.get(HEADER_LEN..).unwrap_or(&[]);
    let mut msg = Message {
        len: h.len,
        kind: h.kind,
        type_name: type_name(h.kind),
        flags: h.flags,
        flag_names: flag_names(h.kind, h.flags),
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
        2 => decode_error(&mut msg, h.flags, payload),
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
        _ => decode_family(&mut msg, h.kind, payload),
    }
    msg
}

fn decode_error(msg: &mut Message, flags: u16, payload: &[u8]) {
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
        let mut inner = decode_message(req, &echoed[..echoed_len]);
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

/// The fixed header of a family: (name, length).
fn fixed_header(kind: u16) -> Option<(&'static str, usize, Space)> {
    Some(match kind {
        16..=19 => ("ifinfomsg", 16, LINK),
        20..=23 => ("ifaddrmsg", 8, &crate::wire::addr::ifa::SPACE),
        24..=27 => ("rtmsg", 12, &crate::wire::route::rta::SPACE),
        28..=31 => ("ndmsg", 12, &crate::wire::neigh::nda::SPACE),
        32..=35 => ("fib_rule_hdr", 12, &crate::wire::rule::fra::SPACE),
        64..=67 => ("ndtmsg", 4, &NDTA),
        80..=83 => ("netconfmsg", 4, &crate::wire::netconf::netconfa::SPACE),
        88..=91 => ("rtgenmsg", 4, &crate::wire::nsid::netnsa::SPACE),
        92..=95 => ("if_stats_msg", 12, &IFLA_STATS),
        104..=107 => ("nhmsg", 8, &NHA),
        108..=111 => ("ifinfomsg", 16, LINK),
        // nf_tables: (NFNL_SUBSYS_NFTABLES << 8) | NFT_MSG_*, after a struct nfgenmsg.
        k if k >> 8 == u16::from(nft::SUBSYS_NFTABLES) => match k as u8 {
            0..=2 => ("nfgenmsg", 4, &nft::table::SPACE),
            3..=5 => ("nfgenmsg", 4, &nft::chain::SPACE),
            6..=8 | 25 => ("nfgenmsg", 4, &nft::rule::SPACE),
            15 | 16 => ("nfgenmsg", 4, &nft::generation::SPACE),
            _ => return None,
        },
        _ => return None,
    })
}

/// `NFT_MSG_*` names by number.
const NFT_MSG_NAMES: &[&str] = &[
    "NEWTABLE",
    "GETTABLE",
    "DELTABLE",
    "NEWCHAIN",
    "GETCHAIN",
    "DELCHAIN",
    "NEWRULE",
    "GETRULE",
    "DELRULE",
    "NEWSET",
    "GETSET",
    "DELSET",
    "NEWSETELEM",
    "GETSETELEM",
    "DELSETELEM",
    "NEWGEN",
    "GETGEN",
    "TRACE",
    "NEWOBJ",
    "GETOBJ",
    "DELOBJ",
    "GETOBJ_RESET",
    "NEWFLOWTABLE",
    "GETFLOWTABLE",
    "DELFLOWTABLE",
    "GETRULE_RESET",
];

/// `NFPROTO_*` names (an nfgenmsg's family).
fn nfproto_name(f: u8) -> String {
    match f {
        0 => "NFPROTO_UNSPEC".into(),
        1 => "NFPROTO_INET".into(),
        2 => "NFPROTO_IPV4".into(),
        3 => "NFPROTO_ARP".into(),
        5 => "NFPROTO_NETDEV".into(),
        7 => "NFPROTO_BRIDGE".into(),
        10 => "NFPROTO_IPV6".into(),
        n => n.to_string(),
    }
}

fn decode_family(msg: &mut Message, kind: u16, payload: &[u8]) {
    let Some((name, len, space)) = fixed_header(kind) else {
        if !payload.is_empty() {
            msg.problem = Some(format!("unknown message type {kind}: payload not decoded"));
        }
        return;
    };
    msg.header_name = Some(name);
    if payload.len() < len {
        // GET requests may carry only a struct rtgenmsg (one byte of family).
        if let Some(&family) = payload.first() {
            msg.header_name = Some("rtgenmsg");
            msg.header.push(field("rtgen_family", Value::Number(family.into()), Some(family_name(family))));
        }
        if payload.len() > 1 || kind & 3 != 2 {
            msg.problem = Some(format!("payload of {} bytes is shorter than struct {name} ({len})", payload.len()));
        }
        return;
    }
    let b = payload;
    let byte = |i: usize| b.get(i).copied().unwrap_or(0);
    let u8f = |i: usize| Value::Number(byte(i).into());
    let u16f = |i: usize| Value::Number(get_u16(b, i).unwrap_or(0).into());
    let u32f = |i: usize| Value::Number(get_u32(b, i).unwrap_or(0).into());
    let i32f = |i: usize| Value::Number(i64::from(get_u32(b, i).unwrap_or(0) as i32));
    let fam = Some(family_name(byte(0)));
    let h = &mut msg.header;
    match name {
        "ifinfomsg" => {
            h.push(field("ifi_family", u8f(0), fam));
            let t = get_u16(b, 2).unwrap_or(0);
            h.push(field("ifi_type", u16f(2), arphrd_name(t)));
            h.push(field("ifi_index", i32f(4), None));
            let flags = get_u32(b, 8).unwrap_or(0);
            h.push(field("ifi_flags", u32f(8), Some(bits(flags, IFF_NAMES))));
            h.push(field("ifi_change", u32f(12), Some(format!("{:#x}", get_u32(b, 12).unwrap_or(0)))));
        }
        "ifaddrmsg" => {
            h.push(field("ifa_family", u8f(0), fam));
            h.push(field("ifa_prefixlen", u8f(1), None));
            h.push(field("ifa_flags", u8f(2), Some(bits(byte(2).into(), IFA_F_NAMES))));
            h.push(field("ifa_scope", u8f(3), Some(scope_name(byte(3)))));
            h.push(field("ifa_index", u32f(4), None));
        }
        "rtmsg" => {
            h.push(field("rtm_family", u8f(0), fam));
            h.push(field("rtm_dst_len", u8f(1), None));
            h.push(field("rtm_src_len", u8f(2), None));
            h.push(field("rtm_tos", u8f(3), None));
            h.push(field("rtm_table", u8f(4), Some(table_name(byte(4).into()))));
            h.push(field("rtm_protocol", u8f(5), Some(proto_name(byte(5)))));
            h.push(field("rtm_scope", u8f(6), Some(scope_name(byte(6)))));
            h.push(field("rtm_type", u8f(7), Some(name_at(RTN_NAMES, byte(7).into()))));
            let flags = get_u32(b, 8).unwrap_or(0);
            h.push(field("rtm_flags", u32f(8), Some(bits(flags, RTM_F_NAMES))));
        }
        "ndmsg" => {
            h.push(field("ndm_family", u8f(0), fam));
            h.push(field("ndm_ifindex", i32f(4), None));
            let state = get_u16(b, 8).unwrap_or(0);
            h.push(field("ndm_state", u16f(8), Some(bits(state.into(), NUD_NAMES))));
            h.push(field("ndm_flags", u8f(10), Some(bits(byte(10).into(), NTF_NAMES))));
            h.push(field("ndm_type", u8f(11), Some(name_at(RTN_NAMES, byte(11).into()))));
        }
        "fib_rule_hdr" => {
            h.push(field("family", u8f(0), fam));
            h.push(field("dst_len", u8f(1), None));
            h.push(field("src_len", u8f(2), None));
            h.push(field("tos", u8f(3), None));
            h.push(field("table", u8f(4), Some(table_name(byte(4).into()))));
            h.push(field("action", u8f(7), Some(name_at(FR_ACT_NAMES, byte(7).into()))));
            let flags = get_u32(b, 8).unwrap_or(0);
            h.push(field("flags", u32f(8), Some(bits(flags, FIB_RULE_NAMES))));
        }
        "if_stats_msg" => {
            h.push(field("family", u8f(0), fam));
            h.push(field("ifindex", u32f(4), None));
            h.push(field("filter_mask", u32f(8), None));
        }
        "nhmsg" => {
            h.push(field("nh_family", u8f(0), fam));
            h.push(field("nh_scope", u8f(1), Some(scope_name(byte(1)))));
            h.push(field("nh_protocol", u8f(2), Some(proto_name(byte(2)))));
            h.push(field("nh_flags", u32f(4), None));
        }
        "netconfmsg" => h.push(field("ncm_family", u8f(0), fam)),
        "ndtmsg" => h.push(field("ndtm_family", u8f(0), fam)),
        "nfgenmsg" => {
            h.push(field("nfgen_family", u8f(0), Some(nfproto_name(byte(0)))));
            h.push(field("version", u8f(1), None));
            let res_id = b.get(2..4).map_or(0, |r| u16::from_be_bytes([r[0], r[1]]));
            h.push(field("res_id", Value::Number(res_id.into()), None));
        }
        _ => h.push(field("rtgen_family", u8f(0), fam)),
    }
    let start = align4(len);
    let family = b[0];
    msg.attributes = attrs(payload.get(start..).unwrap_or(&[]), HEADER_LEN + start, space, family);
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
static NHA: schema::Space = schema::Space::opaque("NHA_");

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

fn read_value(a: &mut Attr, fmt: Type, v: &[u8], base: usize, family: u8) {
    let want = |a: &mut Attr, n: usize| -> bool {
        if v.len() < n {
            a.problem = Some(format!("{} byte{}, expected {n}", v.len(), if v.len() == 1 { "" } else { "s" }));
            a.value = Value::Text(hex(v));
            false
        } else {
            true
        }
    };
    let fmt = match fmt {
        Type::Unspec => match v.len() {
            0 => Type::Flag,
            1 => Type::U8,
            2 => Type::U16,
            4 => Type::U32,
            8 => Type::U64,
            _ if looks_like_string(v) => Type::String,
            _ => Type::Binary,
        },
        f => f,
    };
    match fmt {
        Type::U8 | Type::Enum(_) if v.len() == 1 || matches!(fmt, Type::U8) => {
            a.format = "u8";
            if want(a, 1) {
                a.value = Value::Number(v[0].into());
                if let Type::Enum(names) = fmt {
                    a.text = Some(name_at(Names(names), v[0].into()));
                }
            }
        }
        Type::U16 => {
            a.format = "u16";
            if want(a, 2) {
                a.value = Value::Number(get_u16(v, 0).unwrap_or(0).into());
            }
        }
        Type::U32 | Type::Bits(_) | Type::Enum(_) => {
            a.format = "u32";
            if want(a, 4) {
                let n = get_u32(v, 0).unwrap_or(0);
                a.value = Value::Number(n.into());
                match fmt {
                    Type::Bits(names) => a.text = Some(bits(n, Names(names))),
                    Type::Enum(names) => a.text = Some(name_at(Names(names), n)),
                    _ => {}
                }
            }
        }
        Type::S32 => {
            a.format = "s32";
            if want(a, 4) {
                a.value = Value::Number(i64::from(get_u32(v, 0).unwrap_or(0) as i32));
            }
        }
        Type::U64 => {
            a.format = "u64";
            if want(a, 8) {
                a.value = Value::unsigned(crate::wire::get_u64(v, 0).unwrap_or(0));
            }
        }
        Type::Be16 => {
            a.format = "be16";
            if want(a, 2) {
                let n = u16::from_be(get_u16(v, 0).unwrap_or(0));
                a.value = Value::Number(n.into());
                a.text = match n {
                    0x8100 => Some("802.1Q".into()),
                    0x88a8 => Some("802.1ad".into()),
                    _ => None,
                };
            }
        }
        Type::Be32 => {
            a.format = "be32";
            if want(a, 4) {
                a.value = Value::Number(u32::from_be(get_u32(v, 0).unwrap_or(0)).into());
            }
        }
        Type::Be64 => {
            a.format = "be64";
            if want(a, 8) {
                a.value = Value::unsigned(u64::from_be(crate::wire::get_u64(v, 0).unwrap_or(0)));
            }
        }
        Type::String => {
            a.format = "string";
            let end = v.iter().position(|&c| c == 0).unwrap_or(v.len());
            a.value = Value::Text(crate::text::lossy(v.get(..end).unwrap_or(v)));
        }
        Type::Addr => match v.len() {
            4 => {
                a.format = "ipv4";
                a.value = Value::Text(crate::text::ipv4_text([v[0], v[1], v[2], v[3]]));
            }
            16 => {
                a.format = "ipv6";
                let b: [u8; 16] = v.try_into().unwrap_or([0; 16]);
                a.value = Value::Text(crate::text::ipv6_text(b));
            }
            6 => {
                a.format = "mac";
                a.value = Value::Text(mac(v));
            }
            _ => {
                a.value = Value::Text(hex(v));
                a.problem = Some(format!("{} bytes is not an IPv4 or IPv6 address", v.len()));
            }
        },
        Type::LlAddr => {
            a.format = "mac";
            a.value = Value::Text(mac(v));
        }
        Type::Flag => {
            a.format = "flag";
            if !v.is_empty() {
                a.value = Value::Text(hex(v));
            }
        }
        Type::Binary => {
            a.value = Value::Text(hex(v));
        }
        Type::Nested(space) => {
            a.format = "nested";
            a.attributes = attrs(v, base, space, family);
        }
        Type::Struct(names, width) => {
            let (names, width) = (Names(names), usize::from(width));
            a.format = "struct";
            for (i, name) in names.iter().enumerate() {
                let at = i * width;
                let value = match width {
                    2 => get_u16(v, at).map(|n| Value::Number(n.into())),
                    4 => get_u32(v, at).map(|n| Value::Number(n.into())),
                    _ => v.get(at..at + 8).map(|b| Value::unsigned(u64::from_ne_bytes(b.try_into().unwrap_or([0; 8])))),
                };
                match value {
                    Some(value) => a.fields.push(Field { name, value, text: None }),
                    None => break,
                }
            }
            if v.len() > names.count() * width {
                // Newer kernels append fields; keep the rest visible as numbers.
                let extra = v.get(names.count() * width..).unwrap_or_default();
                a.fields.push(Field { name: "more", value: Value::Text(hex(extra)), text: None });
            }
        }
        Type::IfInfoPeer => {
            a.format = "nested";
            if v.len() < 16 {
                a.problem = Some("VETH_INFO_PEER shorter than struct ifinfomsg".into());
                a.value = Value::Text(hex(v));
                return;
            }
            let flags = get_u32(v, 8).unwrap_or(0);
            let t = get_u16(v, 2).unwrap_or(0);
            a.fields = vec![
                field("ifi_family", Value::Number(v[0].into()), Some(family_name(v[0]))),
                field("ifi_type", Value::Number(t.into()), arphrd_name(t)),
                field("ifi_index", Value::Number(i64::from(get_u32(v, 4).unwrap_or(0) as i32)), None),
                field("ifi_flags", Value::Number(flags.into()), Some(bits(flags, IFF_NAMES))),
                field("ifi_change", Value::Number(get_u32(v, 12).unwrap_or(0).into()), None),
            ];
            a.attributes = attrs(v.get(16..).unwrap_or_default(), base + 16, LINK, 0);
        }
        Type::Multipath => {
            a.format = "nested";
            let mut pos = 0;
            while v.len().saturating_sub(pos) >= 8 {
                let len = get_u16(v, pos).unwrap_or(0) as usize;
                if len < 8 || pos + len > v.len() {
                    a.problem = Some(format!("rtnh_len {len} does not fit at byte {pos}"));
                    break;
                }
                let flags = v.get(pos + 2).copied().unwrap_or(0);
                let mut nh = Attr {
                    kind: 0,
                    name: "rtnexthop".into(),
                    len: len as u16,
                    offset: base + pos,
                    nested: false,
                    net_byteorder: false,
                    format: "struct",
                    value: Value::None,
                    text: None,
                    fields: vec![
                        field("rtnh_len", Value::Number(len as i64), None),
                        field("rtnh_flags", Value::Number(flags.into()), Some(bits(flags.into(), RTM_F_NAMES))),
                        field("rtnh_hops", Value::Number(v.get(pos + 3).copied().unwrap_or(0).into()), None),
                        field("rtnh_ifindex", Value::Number(i64::from(get_u32(v, pos + 4).unwrap_or(0) as i32)), None),
                    ],
                    attributes: Vec::new(),
                    hex: hex(v.get(pos..pos + len).unwrap_or_default()),
                    problem: None,
                };
                nh.attributes =
                    attrs(v.get(pos + 8..pos + len).unwrap_or_default(), base + pos + 8, &crate::wire::route::rta::SPACE, family);
                a.attributes.push(nh);
                pos += align4(len);
            }
        }
        Type::Unspec | Type::U8 | Type::ByName(..) => {}
    }
}

fn looks_like_string(v: &[u8]) -> bool {
    match v.split_last() {
        Some((0, body)) => !body.is_empty() && body.iter().all(|&c| (0x20..0x7f).contains(&c)),
        _ => false,
    }
}

fn field(name: &'static str, value: Value, text: Option<String>) -> Field {
    Field { name, value, text }
}

/// Lower-case hex bytes separated by spaces.
pub fn hex(b: &[u8]) -> String {
    let mut s = String::with_capacity(b.len() * 3);
    for (i, x) in b.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&format!("{x:02x}"));
    }
    s
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

/// `RTM_NEWLINK`, `NLMSG_ERROR`, ... or the number.
pub fn type_name(kind: u16) -> String {
    let name = match kind {
        crate::wire::NLMSG_NOOP => "NLMSG_NOOP",
        crate::wire::NLMSG_ERROR => "NLMSG_ERROR",
        crate::wire::NLMSG_DONE => "NLMSG_DONE",
        crate::wire::NLMSG_OVERRUN => "NLMSG_OVERRUN",
        k if k >> 8 == u16::from(nft::SUBSYS_NFTABLES) => match NFT_MSG_NAMES.get(usize::from(k as u8)) {
            Some(n) => return format!("NFT_MSG_{n}"),
            None => return format!("NFT_MSG_UNKNOWN_{}", k as u8),
        },
        _ => match crate::wire::rtm_types::RTM_NAMES.iter().find(|(n, _)| *n == kind) {
            Some((_, name)) => name,
            None => return format!("UNKNOWN_{kind}"),
        },
    };
    name.to_string()
}

/// The names of the set `nlmsg_flags`, read as this message type means them.
pub fn flag_names(kind: u16, flags: u16) -> Vec<&'static str> {
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
    let high: &[(u16, &str)] = if kind == 2 || kind == 3 {
        &[(0x100, "NLM_F_CAPPED"), (0x200, "NLM_F_ACK_TLVS")]
    } else if kind < 16 {
        &[]
    } else {
        match kind & 3 {
            // NEW
            0 => &[(0x100, "NLM_F_REPLACE"), (0x200, "NLM_F_EXCL"), (0x400, "NLM_F_CREATE"), (0x800, "NLM_F_APPEND")],
            // DEL
            1 => &[(0x100, "NLM_F_NONREC"), (0x200, "NLM_F_BULK")],
            // GET
            2 => &[(0x100, "NLM_F_ROOT"), (0x200, "NLM_F_MATCH"), (0x400, "NLM_F_ATOMIC")],
            // SET and others
            _ => &[],
        }
    };
    let mut known = 0x3fu16;
    if kind >= 16 && kind & 3 == 2 && flags & 0x300 == 0x300 {
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

fn family_name(f: u8) -> String {
    match f {
        0 => "AF_UNSPEC",
        1 => "AF_UNIX",
        2 => "AF_INET",
        7 => "AF_BRIDGE",
        10 => "AF_INET6",
        16 => "AF_NETLINK",
        17 => "AF_PACKET",
        28 => "AF_MPLS",
        128 => "RTNL_FAMILY_IPMR",
        129 => "RTNL_FAMILY_IP6MR",
        n => return format!("AF_{n}"),
    }
    .to_string()
}

fn arphrd_name(t: u16) -> Option<String> {
    use crate::wire::link::arphrd;
    Some(
        match t {
            arphrd::ETHER => "ether",
            arphrd::LOOPBACK => "loopback",
            arphrd::TUNNEL => "ipip",
            arphrd::TUNNEL6 => "tunnel6",
            arphrd::SIT => "sit",
            arphrd::IPGRE => "gre",
            arphrd::NONE => "none",
            arphrd::VOID => "void",
            _ => return None,
        }
        .to_string(),
    )
}

fn scope_name(s: u8) -> String {
    crate::wire::route::scope_name(s).map_or_else(|| s.to_string(), str::to_string)
}

fn table_name(t: u32) -> String {
    match t {
        0 => "unspec".into(),
        252 => "compat".into(),
        253 => "default".into(),
        254 => "main".into(),
        255 => "local".into(),
        n => n.to_string(),
    }
}

fn proto_name(p: u8) -> String {
    crate::wire::route::rtprot_name(p).map_or_else(|| p.to_string(), str::to_string)
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

const RTN_NAMES: Names = Names(crate::wire::route::ROUTE_TYPE_NAMES);
const FR_ACT_NAMES: Names = Names(crate::wire::rule::FR_ACT_NAMES);
const IFF_NAMES: Names = Names(link::IFF_NAMES);
const IFA_F_NAMES: Names = Names(crate::wire::addr::IFA_F_NAMES);

/// RTNH_F_* in the low byte, RTM_F_* from bit 8.
const RTM_F_NAMES: Names = Names(
    "DEAD PERVASIVE ONLINK OFFLOAD LINKDOWN UNRESOLVED TRAP  NOTIFY CLONED EQUALIZE PREFIX \
     LOOKUP_TABLE FIB_MATCH OFFLOAD TRAP OFFLOAD_FAILED",
);

const NUD_NAMES: Names = Names(crate::wire::neigh::NUD_NAMES);
const NTF_NAMES: Names = Names(crate::wire::neigh::NTF_NAMES);
const FIB_RULE_NAMES: Names = Names(crate::wire::rule::FIB_RULE_NAMES);

#[cfg(test)]
mod tests {
    use super::*;

    fn getlink_dump(seq: u32) -> Vec<u8> {
        let mut m = HeaderRepr { len: 32, kind: 18, flags: 0x301, seq, pid: 0 }.to_bytes().to_vec();
        m.extend_from_slice(&[0u8; 16]);
        m
    }

    #[test]
    fn names_a_dump_request() {
        let d = decode(&getlink_dump(7)).unwrap();
        let m = &d.messages[0];
        assert_eq!(m.type_name, "RTM_GETLINK");
        assert_eq!(m.flag_names, vec!["NLM_F_REQUEST", "NLM_F_DUMP"]);
        assert_eq!(m.seq, 7);
        assert_eq!(m.header_name, Some("ifinfomsg"));
        assert_eq!(m.header.len(), 5);
    }

    #[test]
    fn decodes_lo_from_a_fresh_world() {
        let world = crate::World::new();
        let sock = world.socket(world.initial_ns(), crate::Creds::ROOT).unwrap();
        let replies = sock.send(&getlink_dump(9));
        let m = &decode(&replies[0]).unwrap().messages[0];
        assert_eq!(m.type_name, "RTM_NEWLINK");
        assert!(m.flag_names.contains(&"NLM_F_MULTI"));
        let name = m.attributes.iter().find(|a| a.name == "IFLA_IFNAME").unwrap();
        assert_eq!(name.value, Value::Text("lo".into()));
        assert_eq!(name.format, "string");
        let addr = m.attributes.iter().find(|a| a.name == "IFLA_ADDRESS").unwrap();
        assert_eq!(addr.value, Value::Text("00:00:00:00:00:00".into()));
        let mtu = m.attributes.iter().find(|a| a.name == "IFLA_MTU").unwrap();
        assert_eq!(mtu.value, Value::Number(65536));
        let af = m.attributes.iter().find(|a| a.name == "IFLA_AF_SPEC").unwrap();
        assert!(af.attributes.iter().any(|a| a.name == "AF_INET6"));
        let done = &decode(replies.last().unwrap()).unwrap().messages[0];
        assert_eq!(done.type_name, "NLMSG_DONE");
    }

    #[test]
    fn error_code_i32_min_does_not_overflow() {
        // NLMSG_ERROR whose error is i32::MIN: no errno, but no panic either.
        let mut m = HeaderRepr { len: 20, kind: 2, flags: 0, seq: 0, pid: 0 }.to_bytes().to_vec();
        m.extend_from_slice(&i32::MIN.to_ne_bytes());
        assert!(decode(&m).is_ok());
    }

    #[test]
    fn decodes_nf_tables_messages_with_nfgenmsg_and_table_attributes() {
        // NFT_MSG_NEWTABLE for "ip t" as nft sends it: nfgenmsg (NFPROTO_IPV4),
        // NFTA_TABLE_NAME "t", NFTA_TABLE_FLAGS 0.
        let mut m = HeaderRepr { len: 0, kind: 0x0a00, flags: 0x405, seq: 2, pid: 0 }.to_bytes().to_vec();
        m.extend_from_slice(&[2, 0, 0, 0]);
        m.extend_from_slice(&[6, 0, 1, 0, b't', 0, 0, 0]);
        m.extend_from_slice(&[8, 0, 2, 0, 0, 0, 0, 0]);
        let len = m.len() as u32;
        m[..4].copy_from_slice(&len.to_ne_bytes());
        let d = decode(&m).unwrap();
        let msg = &d.messages[0];
        assert_eq!(msg.type_name, "NFT_MSG_NEWTABLE");
        assert_eq!(msg.header_name, Some("nfgenmsg"));
        assert_eq!(msg.header[0].text.as_deref(), Some("NFPROTO_IPV4"));
        let names: Vec<&str> = msg.attributes.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["NFTA_TABLE_NAME", "NFTA_TABLE_FLAGS"]);
        assert_eq!(type_name(0x0a10), "NFT_MSG_GETGEN");
    }

    #[test]
    fn decodes_errors_with_extack() {
        let world = crate::World::new();
        let sock = world.socket(world.initial_ns(), crate::Creds::ROOT).unwrap();
        sock.set_option(crate::host::SockOpt::ExtAck(true)).unwrap();
        // RTM_NEWLINK for "lo" with NLM_F_CREATE|NLM_F_EXCL: EEXIST.
        let mut m = HeaderRepr { len: 0, kind: 16, flags: 0x605, seq: 3, pid: 0 }.to_bytes().to_vec();
        m.extend_from_slice(&[0u8; 16]);
        m.extend_from_slice(&[7, 0, 3, 0, b'l', b'o', 0, 0]);
        let len = m.len() as u32;
        m[..4].copy_from_slice(&len.to_ne_bytes());
        let replies = sock.send(&m);
        let d = decode(&replies[0]).unwrap();
        let e = d.messages[0].error.as_ref().unwrap();
        assert!(e.error < 0);
        assert!(!e.errno_name.is_empty());
        let req = e.request.as_ref().unwrap();
        assert_eq!(req.type_name, "RTM_NEWLINK");
    }

    #[test]
    fn decodes_multipath_routes_and_metrics() {
        // RTM_NEWROUTE 10.0.0.0/8 with RTA_METRICS{MTU 1400} and two next hops.
        let mut body = vec![2u8, 8, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0];
        body.extend_from_slice(&[8, 0, 1, 0, 10, 0, 0, 0]); // RTA_DST
        body.extend_from_slice(&[12, 0, 8, 0x80, 8, 0, 2, 0, 0x78, 5, 0, 0]); // RTA_METRICS
        let nh = |ifindex: u8, gw: u8| -> Vec<u8> { vec![16, 0, 0, 0, ifindex, 0, 0, 0, 8, 0, 5, 0, 192, 168, 0, gw] };
        let mut mp = nh(2, 1);
        mp.extend(nh(3, 2));
        body.extend_from_slice(&((4 + mp.len()) as u16).to_ne_bytes());
        body.extend_from_slice(&9u16.to_ne_bytes());
        body.extend(mp);
        let m = request(24, 0x405, 1, &body);
        let d = decode(&m).unwrap();
        let msg = &d.messages[0];
        assert_eq!(msg.problem, None);
        assert_eq!(msg.header[4].text.as_deref(), Some("main"));
        let metrics = msg.attributes.iter().find(|a| a.name == "RTA_METRICS").unwrap();
        assert!(metrics.nested);
        assert_eq!((metrics.attributes[0].name.as_str(), &metrics.attributes[0].value), ("RTAX_MTU", &Value::Number(1400)));
        let mp = msg.attributes.iter().find(|a| a.name == "RTA_MULTIPATH").unwrap();
        assert_eq!(mp.attributes.len(), 2);
        assert_eq!(mp.attributes[1].fields[3].value, Value::Number(3));
        assert_eq!(mp.attributes[1].attributes[0].value, Value::Text("192.168.0.2".into()));
    }

    fn request(kind: u16, flags: u16, seq: u32, body: &[u8]) -> Vec<u8> {
        let mut m = HeaderRepr { len: (16 + body.len()) as u32, kind, flags, seq, pid: 0 }.to_bytes().to_vec();
        m.extend_from_slice(body);
        m
    }

    #[test]
    fn never_panics_on_garbage() {
        assert!(decode(&[]).is_err());
        assert!(decode(&[1, 2, 3]).is_err());
        assert!(decode(&[0xff; 16]).is_err());
        let mut seed = 0x1234_5678u32;
        for n in 0..2000 {
            let len = 16 + (n % 80);
            let mut buf: Vec<u8> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    seed as u8
                })
                .collect();
            buf[..4].copy_from_slice(&(len as u32).to_ne_bytes());
            buf[4..6].copy_from_slice(&((n as u16 % 120) + 1).to_ne_bytes());
            let _ = decode(&buf);
        }
    }
}
