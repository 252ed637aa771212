//! nfnetlink (NETLINK_NETFILTER): batch begin and end, nf_tables messages
//! (tables, chains, rules with every expression's attributes, generations)
//! and nft_compat revision queries, each after a `struct nfgenmsg`. The
//! attribute spaces are those of [`crate::wire::nftables`]; an expression's
//! `NFTA_EXPR_DATA` is read in the space its `NFTA_EXPR_NAME` names.

use super::{Attr, Class, Message, Space, Value, attrs, field, name_at};
use crate::text::Names;
use crate::wire::header::HEADER_LEN;
use crate::wire::nftables as nft;

/// `NFT_MSG_*` names by number (after `NFT_MSG_`).
const NFT_MSG_NAMES: Names = Names(
    "NEWTABLE GETTABLE DELTABLE NEWCHAIN GETCHAIN DELCHAIN NEWRULE GETRULE DELRULE NEWSET GETSET DELSET \
     NEWSETELEM GETSETELEM DELSETELEM NEWGEN GETGEN TRACE NEWOBJ GETOBJ DELOBJ GETOBJ_RESET NEWFLOWTABLE \
     GETFLOWTABLE DELFLOWTABLE GETRULE_RESET DESTROYTABLE DESTROYCHAIN DESTROYRULE DESTROYSET DESTROYSETELEM \
     DESTROYOBJ DESTROYFLOWTABLE GETSETELEM_RESET",
);

/// `NFNL_SUBSYS_*` names by number (an nfgenmsg's `res_id` in a batch).
const SUBSYS_NAMES: Names = Names(
    "NFNL_SUBSYS_NONE NFNL_SUBSYS_CTNETLINK NFNL_SUBSYS_CTNETLINK_EXP NFNL_SUBSYS_QUEUE NFNL_SUBSYS_ULOG \
     NFNL_SUBSYS_OSF NFNL_SUBSYS_IPSET NFNL_SUBSYS_ACCT NFNL_SUBSYS_CTNETLINK_TIMEOUT NFNL_SUBSYS_CTHELPER \
     NFNL_SUBSYS_NFTABLES NFNL_SUBSYS_NFT_COMPAT NFNL_SUBSYS_HOOK",
);

/// Whether a message type is nfnetlink's: always under NETLINK_NETFILTER;
/// without a protocol, the nf_tables and nft_compat subsystems (the batch
/// messages' numbers are RTM_NEWLINK's and RTM_DELLINK's, so they need it).
pub(super) fn owns(kind: u16, protocol: Option<crate::Protocol>) -> bool {
    match protocol {
        Some(p) => p == crate::Protocol::Netfilter,
        None => matches!(kind >> 8, 10 | 11),
    }
}

/// `NFNL_MSG_BATCH_BEGIN`, `NFT_MSG_NEWRULE`, ... for an nfnetlink message type.
pub(super) fn type_name(kind: u16) -> String {
    let (subsys, msg) = (kind >> 8, kind & 0xff);
    match (subsys, msg) {
        (0, 0x10) => "NFNL_MSG_BATCH_BEGIN".into(),
        (0, 0x11) => "NFNL_MSG_BATCH_END".into(),
        (10, m) => match NFT_MSG_NAMES.get(usize::from(m)) {
            Some(n) => format!("NFT_MSG_{n}"),
            None => format!("NFT_MSG_UNKNOWN_{m}"),
        },
        (11, 0) => "NFNL_MSG_COMPAT_GET".into(),
        _ => format!("{}_MSG_{msg}", name_at(SUBSYS_NAMES, subsys.into())),
    }
}

/// Whether the flags of a message type are those of a NEW, DEL or GET request.
pub(super) fn class(kind: u16) -> Class {
    if kind >> 8 == 11 {
        return Class::Get;
    }
    if kind >> 8 != 10 {
        return Class::Other;
    }
    let name = NFT_MSG_NAMES.get(usize::from(kind & 0xff)).unwrap_or("");
    if name.starts_with("NEW") {
        Class::New
    } else if name.starts_with("DEL") || name.starts_with("DESTROY") {
        Class::Del
    } else if name.starts_with("GET") {
        Class::Get
    } else {
        Class::Other
    }
}

/// The attribute space of a message's body.
fn space(kind: u16) -> Option<Space> {
    Some(match (kind >> 8, kind & 0xff) {
        (0, 0x10 | 0x11) => &nft::batch::SPACE,
        (10, 0..=2 | 26) => &nft::table::SPACE,
        (10, 3..=5 | 27) => &nft::chain::SPACE,
        (10, 6..=8 | 25 | 28) => &nft::rule::SPACE,
        (10, 9..=11 | 29) => &nft::set::SPACE,
        (10, 12..=14 | 30) => &nft::set_elem_list::SPACE,
        (10, 15 | 16) => &nft::generation::SPACE,
        (11, 0) => &nft::compat_query::SPACE,
        _ => return None,
    })
}

/// Decodes an nfnetlink message: its `struct nfgenmsg` and attributes.
pub(super) fn decode_family(msg: &mut Message, kind: u16, payload: &[u8]) {
    let Some(space) = space(kind) else {
        if !payload.is_empty() {
            msg.problem = Some(format!("unknown nfnetlink message type {kind:#06x}: payload not decoded"));
        }
        return;
    };
    msg.header_name = Some("nfgenmsg");
    let [family, version, r0, r1] = match payload.get(..4) {
        Some(&[a, b, c, d]) => [a, b, c, d],
        _ => {
            msg.problem = Some(format!("payload of {} bytes is shorter than struct nfgenmsg (4)", payload.len()));
            return;
        }
    };
    let h = &mut msg.header;
    h.push(field("nfgen_family", Value::Number(family.into()), Some(name_at(Names(nft::NFPROTO_NAMES), family.into()))));
    h.push(field("version", Value::Number(version.into()), None));
    let res_id = u16::from_be_bytes([r0, r1]);
    // In a batch message res_id names the subsystem the batch is for.
    let res_text = (kind >> 8 == 0).then(|| name_at(SUBSYS_NAMES, res_id.into()));
    h.push(field("res_id", Value::Number(res_id.into()), res_text));
    msg.attributes = attrs(payload.get(4..).unwrap_or(&[]), HEADER_LEN + 4, space, family);
    name_verdicts(&mut msg.attributes);
}

/// Gives each `NFTA_VERDICT_CODE` (a signed big-endian number) its name.
pub(super) fn name_verdicts(list: &mut [Attr]) {
    for a in list {
        if a.name == "NFTA_VERDICT_CODE"
            && let Value::Number(n) = a.value
        {
            let code = n as u32 as i32;
            a.value = Value::Number(code.into());
            a.text = nft::verdict_name(code).map(str::to_string);
        }
        name_verdicts(&mut a.attributes);
    }
}
