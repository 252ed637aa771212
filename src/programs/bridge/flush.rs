//! `bridge fdb flush` (bridge/fdb.c `fdb_flush`): one RTM_DELNEIGH with
//! NLM_F_BULK whose header and NDA_* attributes say which entries go.

use crate::ip::args::Res;
use crate::ip::ctx::Ip;
use crate::ip::nl::Req;
use crate::wire::neigh::{NdMsgRepr, nda, ntf, nud};
use crate::wire::{AF_BRIDGE, NLM_F_BULK, NLM_F_REQUEST, RTM_DELNEIGH};

/// A `[no]WORD` filter on the NUD state: the bits it sets, the bits it
/// clears, and the bits it adds to NDA_NDM_STATE_MASK.
const STATE_WORDS: [(&str, u16, u16, u16); 6] = [
    ("permanent", nud::PERMANENT, 0, nud::PERMANENT),
    ("nopermanent", 0, nud::PERMANENT, nud::PERMANENT),
    ("static", nud::NOARP, nud::PERMANENT, nud::NOARP | nud::PERMANENT),
    ("nostatic", 0, nud::NOARP, nud::NOARP),
    ("dynamic", 0, nud::NOARP | nud::PERMANENT, nud::NOARP | nud::PERMANENT),
    ("nodynamic", nud::NOARP, 0, nud::NOARP),
];

/// A `[no]WORD` filter on the NTF_* flags: the flag it names, and whether
/// the word asks for it set.
const FLAG_WORDS: [(&str, u8, bool); 8] = [
    ("added_by_user", ntf::USE, true),
    ("noadded_by_user", ntf::USE, false),
    ("extern_learn", ntf::EXT_LEARNED, true),
    ("noextern_learn", ntf::EXT_LEARNED, false),
    ("sticky", ntf::STICKY, true),
    ("nosticky", ntf::STICKY, false),
    ("offloaded", ntf::OFFLOADED, true),
    ("nooffloaded", ntf::OFFLOADED, false),
];

/// `fdb_flush`: `dev DEV` is required; without `self` or `master` the
/// request is for the device itself (NTF_SELF). Words it does not know
/// are passed over, as fdb.c does; `vlan` is read with `atoi` into a short.
pub(super) fn flush(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let mut hdr = NdMsgRepr { family: AF_BRIDGE, ..Default::default() };
    let (mut state_mask, mut flags_mask) = (0u16, 0u8);
    let (mut dev, mut brport): (Option<&str>, Option<&str>) = (None, None);
    let mut vid: i16 = -1;
    let mut i = 0;
    while i < args.len() {
        let w = args[i].as_str();
        if w == "dev" || w == "brport" || w == "vlan" {
            if (w == "brport" && brport.is_some()) || (w == "vlan" && vid >= 0) {
                return Err(ip.duparg2(w, w));
            }
            let Some(v) = args.get(i + 1) else { return Err(ip.incomplete()) };
            match w {
                "dev" => dev = Some(v),
                "brport" => brport = Some(v),
                _ => vid = crate::ip::atoi(v) as i16,
            }
            i += 1;
        } else if w == "master" {
            hdr.flags |= ntf::MASTER;
        } else if w == "self" {
            hdr.flags |= ntf::SELF;
        } else if let Some(&(_, set, clear, mask)) = STATE_WORDS.iter().find(|s| s.0 == w) {
            hdr.state = (hdr.state & !clear) | set;
            state_mask |= mask;
        } else if let Some(&(_, flag, on)) = FLAG_WORDS.iter().find(|f| f.0 == w) {
            hdr.flags = if on { hdr.flags | flag } else { hdr.flags & !flag };
            flags_mask |= flag;
        } else if w == "help" {
            if args.get(i + 1).is_none() {
                return Err(ip.incomplete());
            }
            i += 1;
        }
        i += 1;
    }
    let Some(d) = dev else {
        ip.err("Device is a required argument.\n");
        return Ok(-1);
    };
    hdr.ifindex = ip.ll_name_to_index(d) as i32;
    if hdr.ifindex == 0 {
        ip.err(&format!("Cannot find bridge device \"{d}\"\n"));
        return Ok(-1);
    }
    let mut port_index = None;
    if let Some(p) = brport {
        let index = ip.ll_name_to_index(p);
        if index == 0 {
            ip.err(&format!("Cannot find bridge port device \"{p}\"\n"));
            return Ok(-1);
        }
        port_index = Some(index);
    }
    if vid >= 4096 {
        ip.err(&format!("Invalid VLAN ID \"{vid}\"\n"));
        return Ok(-1);
    }
    if hdr.flags & (ntf::SELF | ntf::MASTER) == 0 {
        hdr.flags |= ntf::SELF;
    }
    let mut req = Req::new(RTM_DELNEIGH, NLM_F_REQUEST | NLM_F_BULK);
    req.push_header(&hdr.to_bytes());
    if let Some(p) = port_index {
        req.addattr32(nda::IFINDEX, p);
    }
    if vid >= 0 {
        req.addattr16(nda::VLAN, vid as u16);
    }
    if flags_mask != 0 {
        req.addattr8(nda::NDM_FLAGS_MASK, flags_mask);
    }
    if state_mask != 0 {
        req.addattr16(nda::NDM_STATE_MASK, state_mask);
    }
    match ip.rth.talk(&mut ip.p, &mut req, false, true) {
        Ok(_) => Ok(0),
        Err(_) => Ok(-1),
    }
}
