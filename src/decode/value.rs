//! An attribute's payload read as its type says: integers of either byte
//! order (with the names of enumerations and flag bits), strings,
//! addresses, nests, structs, and the few shapes of their own
//! (`VETH_INFO_PEER`, `RTA_MULTIPATH`).

use super::rtnetlink::{IFF_NAMES, RTM_F_NAMES, arphrd_name, family_name};
use super::{Attr, Field, LINK, Value, attrs, bits, field, hex, mac, name_at};
use crate::text::Names;
use crate::wire::schema::Type;
use crate::wire::{align4, get_u16, get_u32};

/// Reads an attribute's payload `v` as `fmt` says, into `a`.
pub(super) fn read_value(a: &mut Attr, fmt: Type, v: &[u8], base: usize, family: u8) {
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
        Type::Be32Enum(names) => {
            a.format = "be32";
            if want(a, 4) {
                let n = u32::from_be(get_u32(v, 0).unwrap_or(0));
                a.value = Value::Number(n.into());
                a.text = Some(name_at(Names(names), n));
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
