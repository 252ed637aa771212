//! `struct nlmsgerr`: the payload of NLMSG_ERROR, which is an error or (with
//! error 0) an acknowledgement, optionally followed by extended-ack attributes.

use super::attr::NlaIter;
use super::consts::{NLMSGERR_ATTR_MSG, NLMSGERR_ATTR_OFFS, NLM_F_ACK_TLVS, NLM_F_CAPPED};
use super::header::{HeaderRepr, HEADER_LEN};
use super::{get_i32, WireError};

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
        let echoed = if flags & NLM_F_CAPPED != 0 || error == 0 {
            HEADER_LEN
        } else {
            request.len as usize
        };
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
