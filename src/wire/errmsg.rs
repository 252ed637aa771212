//! `struct nlmsgerr`: the payload of NLMSG_ERROR, which is an error or (with
//! error 0) an acknowledgement, optionally followed by extended-ack attributes.

use super::attr::NlaIter;
use super::consts::{NLM_F_ACK_TLVS, NLM_F_CAPPED, NLMSGERR_ATTR_MSG, NLMSGERR_ATTR_OFFS};
use super::header::{HEADER_LEN, HeaderRepr};
use super::{WireError, get_i32};

super::schema::nla_space! {
    /// `NLMSGERR_ATTR_*`: the extended-ack attributes after the error.
    pub mod nlmsgerr_attr = "NLMSGERR_ATTR_" {
        UNUSED = 0: U32,
        MSG = 1: String,
        OFFS = 2: U32,
        COOKIE = 3: Binary,
        POLICY = 4: Nested(&super::nl_policy_type_attr::SPACE),
        MISS_TYPE = 5: U32,
        MISS_NEST = 6: U32,
    }
}

super::schema::nla_space! {
    /// `NL_POLICY_TYPE_ATTR_*`: the policy an attribute failed
    /// (NLMSGERR_ATTR_POLICY).
    pub mod nl_policy_type_attr = "NL_POLICY_TYPE_ATTR_" {
        UNSPEC = 0: Unspec,
        TYPE = 1: U32,
        MIN_VALUE_S = 2: Unspec,
        MAX_VALUE_S = 3: Unspec,
        MIN_VALUE_U = 4: U64,
        MAX_VALUE_U = 5: U64,
        MIN_LENGTH = 6: U32,
        MAX_LENGTH = 7: U32,
        POLICY_IDX = 8: U32,
        POLICY_MAXTYPE = 9: U32,
        BITFIELD32_MASK = 10: U32,
        PAD = 11: Binary,
        MASK = 12: U64,
    }
}

/// A parsed NLMSG_ERROR payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorRepr {
    /// The negative errno, or 0 for an acknowledgement.
    pub error: i32,
    /// The header of the request being answered.
    pub request: HeaderRepr,
    /// The extended-ack message (NLMSGERR_ATTR_MSG), if any.
    pub message: Option<String>,
    /// The offset of the offending attribute (NLMSGERR_ATTR_OFFS), if any.
    pub offset: Option<u32>,
}

impl ErrorRepr {
    /// Reads an error payload; `flags` are the NLMSG_ERROR message's flags,
    /// which say whether the request was echoed in full and whether TLVs follow.
    pub fn parse(payload: &[u8], flags: u16) -> Result<Self, WireError> {
        let error = get_i32(payload, 0).ok_or(WireError::Truncated)?;
        let request = HeaderRepr::parse(payload.get(4..).ok_or(WireError::Truncated)?)?;
        let mut repr = ErrorRepr { error, request, message: None, offset: None };
        if flags & NLM_F_ACK_TLVS == 0 {
            return Ok(repr);
        }
        let echoed = if flags & NLM_F_CAPPED != 0 || error == 0 { HEADER_LEN } else { request.len as usize };
        let tlv_start = super::align4(4 + echoed);
        let tlvs = payload.get(tlv_start..).unwrap_or(&[]);
        for nla in NlaIter::new(tlvs).flatten() {
            match nla.kind {
                NLMSGERR_ATTR_MSG => repr.message = nla.string().ok(),
                NLMSGERR_ATTR_OFFS => repr.offset = nla.u32().ok(),
                _ => {}
            }
        }
        Ok(repr)
    }
}
