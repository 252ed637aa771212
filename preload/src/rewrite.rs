//! Edits of netlink bytes on their way through the shim: descriptors that
//! name namespaces (IFLA_NET_NS_FD, NETNSA_FD) become the numbers the
//! simulated kernel knows, and port ids in replies become the ones the
//! application was told.

const HDR: usize = 16;
const IFINFOMSG: usize = 16;
const RTGENMSG: usize = 4;
const IFLA_LINKINFO: u16 = 18;
const IFLA_NET_NS_FD: u16 = 28;
const IFLA_INFO_KIND: u16 = 1;
const IFLA_INFO_DATA: u16 = 2;
/// VETH_INFO_PEER, VXCAN_INFO_PEER and IFLA_NETKIT_PEER_INFO.
const INFO_PEER: u16 = 1;
const NETNSA_FD: u16 = 3;
const NLA_TYPE_MASK: u16 = 0x3fff;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_ne_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_ne_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Calls `f(type, value)` for every well-formed attribute of `buf`.
fn each_attr(buf: &mut [u8], f: &mut dyn FnMut(u16, &mut [u8])) {
    let mut at = 0;
    while at + 4 <= buf.len() {
        let (Some(len), Some(ty)) = (u16_at(buf, at), u16_at(buf, at + 2)) else { return };
        let len = usize::from(len);
        if len < 4 || at + len > buf.len() {
            return;
        }
        f(ty & NLA_TYPE_MASK, &mut buf[at + 4..at + len]);
        at += (len + 3) & !3;
    }
}

fn map_u32(value: &mut [u8], map: &dyn Fn(u32) -> Option<u32>) {
    if value.len() == 4
        && let Some(new) = u32_at(value, 0).and_then(map)
    {
        value.copy_from_slice(&new.to_ne_bytes());
    }
}

/// IFLA_NET_NS_FD at this level, and inside a veth-like peer's ifinfomsg.
fn link_attrs(buf: &mut [u8], map: &dyn Fn(u32) -> Option<u32>) {
    each_attr(buf, &mut |ty, value| {
        if ty == IFLA_NET_NS_FD {
            map_u32(value, map);
        } else if ty == IFLA_LINKINFO {
            let mut peer_kind = false;
            each_attr(value, &mut |t, v| {
                if t == IFLA_INFO_KIND {
                    let kind = v.split(|b| *b == 0).next().unwrap_or(&[]);
                    peer_kind = matches!(kind, b"veth" | b"vxcan" | b"netkit");
                }
            });
            if peer_kind {
                each_attr(value, &mut |t, data| {
                    if t == IFLA_INFO_DATA {
                        each_attr(data, &mut |pt, peer| {
                            if pt == INFO_PEER && peer.len() >= IFINFOMSG {
                                link_attrs(&mut peer[IFINFOMSG..], map);
                            }
                        });
                    }
                });
            }
        }
    });
}

/// Rewrites namespace descriptors in every request of a datagram with `map`
/// (application descriptor → simulated one; None leaves it).
pub fn request_fds(datagram: &mut [u8], map: &dyn Fn(u32) -> Option<u32>) {
    let mut at = 0;
    while at + HDR <= datagram.len() {
        let (Some(len), Some(kind)) = (u32_at(datagram, at), u16_at(datagram, at + 4)) else { return };
        let len = len as usize;
        if len < HDR || at + len > datagram.len() {
            return;
        }
        let msg = &mut datagram[at..at + len];
        match kind {
            16..=19 if msg.len() >= HDR + IFINFOMSG => link_attrs(&mut msg[HDR + IFINFOMSG..], map),
            88..=90 if msg.len() >= HDR + RTGENMSG => each_attr(&mut msg[HDR + RTGENMSG..], &mut |t, v| {
                if t == NETNSA_FD {
                    map_u32(v, map);
                }
            }),
            _ => {}
        }
        at += (len + 3) & !3;
    }
}

/// Replaces the nlmsg_pid of one message when `map` knows it.
pub fn reply_pid(msg: &mut [u8], map: &dyn Fn(u32) -> Option<u32>) {
    if let Some(new) = u32_at(msg, 12).and_then(map) {
        msg[12..16].copy_from_slice(&new.to_ne_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attr(ty: u16, value: &[u8]) -> Vec<u8> {
        let mut v = Vec::new();
        v.extend_from_slice(&((4 + value.len()) as u16).to_ne_bytes());
        v.extend_from_slice(&ty.to_ne_bytes());
        v.extend_from_slice(value);
        while v.len() % 4 != 0 {
            v.push(0);
        }
        v
    }

    fn msg(kind: u16, fixed: usize, attrs: &[u8]) -> Vec<u8> {
        let mut v = vec![0u8; HDR + fixed];
        v.extend_from_slice(attrs);
        let len = v.len() as u32;
        v[0..4].copy_from_slice(&len.to_ne_bytes());
        v[4..6].copy_from_slice(&kind.to_ne_bytes());
        v
    }

    #[test]
    fn veth_peer_namespace_descriptor_is_mapped() {
        let peer = [vec![0u8; IFINFOMSG], attr(3, b"v1\0"), attr(IFLA_NET_NS_FD, &5u32.to_ne_bytes())].concat();
        let data = attr(INFO_PEER, &peer);
        let info = [attr(IFLA_INFO_KIND, b"veth\0"), attr(IFLA_INFO_DATA, &data)].concat();
        let mut m = msg(16, IFINFOMSG, &[attr(IFLA_NET_NS_FD, &5u32.to_ne_bytes()), attr(IFLA_LINKINFO, &info)].concat());
        request_fds(&mut m, &|fd| (fd == 5).then_some(0x1001));
        let found = m.windows(4).filter(|w| *w == 0x1001u32.to_ne_bytes()).count();
        assert_eq!(found, 2);
        assert!(!m.windows(8).any(|w| w == [8, 0, 28, 0, 5, 0, 0, 0]));
    }

    #[test]
    fn nsid_descriptor_is_mapped_and_truncated_input_is_left_alone() {
        let mut m = msg(90, RTGENMSG, &attr(NETNSA_FD, &7u32.to_ne_bytes()));
        request_fds(&mut m, &|fd| (fd == 7).then_some(0x1000));
        assert_eq!(u32_at(&m, m.len() - 4), Some(0x1000));
        let mut cut = m[..m.len() - 2].to_vec();
        request_fds(&mut cut, &|_| Some(1));
        assert_eq!(cut, m[..m.len() - 2].to_vec());
    }
}
