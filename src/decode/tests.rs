//! Tests of the decoder.

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

#[test]
fn names_next_hop_object_attributes() {
    // RTM_NEWNEXTHOP as the kernel fills it for `id 7 via 10.0.0.2 dev
    // d0` (nh_fill_node): nhmsg, then NHA_ID, NHA_OIF, NHA_GATEWAY.
    let mut m = HeaderRepr { len: 0, kind: 104, flags: 0, seq: 1, pid: 0 }.to_bytes().to_vec();
    m.extend_from_slice(&[2, 253, 0, 0, 0, 0, 0, 0]);
    m.extend_from_slice(&[8, 0, 1, 0, 7, 0, 0, 0]);
    m.extend_from_slice(&[8, 0, 5, 0, 2, 0, 0, 0]);
    m.extend_from_slice(&[8, 0, 6, 0, 10, 0, 0, 2]);
    let len = m.len() as u32;
    m[..4].copy_from_slice(&len.to_ne_bytes());
    let d = decode(&m).unwrap();
    let msg = &d.messages[0];
    assert_eq!(msg.type_name, "RTM_NEWNEXTHOP");
    assert_eq!(msg.header_name, Some("nhmsg"));
    let names: Vec<&str> = msg.attributes.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["NHA_ID", "NHA_OIF", "NHA_GATEWAY"]);
    assert_eq!(msg.attributes[2].value, Value::Text("10.0.0.2".into()));
}
