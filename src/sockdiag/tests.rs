//! Requests and replies against bytes recorded from Linux 6.18 and
//! iproute2 6.1 (`strace -e write=all ss -tan` with `nc -l 127.0.0.1 8080`
//! running in the namespace).

use super::*;
use crate::stack::sock::Proto;
use crate::wire::header::MessageIter;

/// What `ss -tan` sends first (AF_INET, IPPROTO_TCP, every state).
const SS_TAN_V4: [u8; 24] = [0x48, 0, 0, 0, 0x14, 0, 0x01, 0x03, 0x40, 0xe2, 0x01, 0, 0, 0, 0, 0, 0x02, 0x06, 0, 0, 0xff, 0x0f, 0, 0];

#[test]
fn the_request_is_the_one_ss_sends() {
    let req = dump_request(false, false, 0xfff, 0);
    assert_eq!(req.len(), 72);
    assert_eq!(&req[..24], &SS_TAN_V4);
    assert!(req[24..].iter().all(|b| *b == 0));
    let v6 = dump_request(true, false, 0xfff, 0);
    assert_eq!(v6[16], 10);
}

fn listening_net() -> (Net, NsId) {
    let mut net = Net::new();
    let ns = Net::INITIAL;
    let t = &mut net.ns_mut(ns).expect("ns").socks;
    let l = t.socket(Proto::Tcp, false).expect("socket");
    t.bind(l, "127.0.0.1:8080".parse().expect("addr")).expect("bind");
    t.listen(l, 1).expect("listen");
    let u = t.socket(Proto::Udp, false).expect("socket");
    t.bind(u, "0.0.0.0:5353".parse().expect("addr")).expect("bind");
    (net, ns)
}

#[test]
fn a_listener_is_dumped_as_linux_dumps_it() {
    let (net, ns) = listening_net();
    let replies = answer(&net, ns, 17184, &dump_request(false, false, 0xfff, 0), 0);
    assert_eq!(replies.len(), 2, "one socket and NLMSG_DONE");
    let r = &replies[0];
    // nlmsg_len 124, SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, seq 123456, the port.
    assert_eq!(&r[..16], &[124, 0, 0, 0, 20, 0, 2, 0, 0x40, 0xe2, 1, 0, 0x20, 0x43, 0, 0]);
    // AF_INET, TCP_LISTEN, no timer; 8080 -> 0; 127.0.0.1 -> 0.0.0.0.
    assert_eq!(&r[16..24], &[2, 10, 0, 0, 0x1f, 0x90, 0, 0]);
    assert_eq!(&r[24..28], &[127, 0, 0, 1]);
    let e = parse(&r[16..]).expect("entry");
    assert_eq!((e.rqueue, e.wqueue), (0, 1));
    assert!(e.inode != 0);
    // INET_DIAG_SHUTDOWN, _MARK, _CGROUP_ID, _SOCKOPT {is_icsk, mc_loop, mc_all}.
    let attrs = &r[16 + MSG_LEN..];
    assert_eq!(&attrs[..8], &[5, 0, 8, 0, 0, 0, 0, 0]);
    assert_eq!(&attrs[8..16], &[8, 0, 15, 0, 0, 0, 0, 0]);
    assert_eq!(&attrs[16..20], &[12, 0, 21, 0]);
    assert_eq!(&attrs[28..34], &[6, 0, 22, 0, 0x52, 0]);
    // NLMSG_DONE with its 0.
    let done = MessageIter::new(&replies[1]).next().and_then(Result::ok).expect("done");
    assert_eq!((done.header.kind, done.payload), (3, &[0u8, 0, 0, 0][..]));
}

#[test]
fn states_protocol_and_family_filter_the_dump() {
    let (net, ns) = listening_net();
    // Only ESTABLISHED: nothing but NLMSG_DONE.
    assert_eq!(answer(&net, ns, 1, &dump_request(false, false, 1 << 1, 0), 0).len(), 1);
    // IPv6 TCP: nothing.
    assert_eq!(answer(&net, ns, 1, &dump_request(true, false, 0xfff, 0), 0).len(), 1);
    // UDP: the unconnected socket, state 7 (UNCONN), not an icsk.
    let udp = answer(&net, ns, 1, &dump_request(false, true, 0xfff, 0), 0);
    assert_eq!(udp.len(), 2);
    let e = parse(&udp[0][16..]).expect("entry");
    assert_eq!((e.state, e.local.port()), (7, 5353));
    assert_eq!(udp[0][16 + MSG_LEN + 28..16 + MSG_LEN + 30], [6, 0]);
    assert_eq!(udp[0][16 + MSG_LEN + 32], 0x50);
}

#[test]
fn bad_requests_fail_as_linux_fails_them() {
    let (net, ns) = listening_net();
    let mut short = dump_request(false, false, 0xfff, 0);
    short.truncate(40);
    short[0] = 40;
    let err = |replies: Vec<Vec<u8>>| replies.first().map(|r| i32::from_ne_bytes([r[16], r[17], r[18], r[19]]));
    assert_eq!(err(answer(&net, ns, 1, &short, 0)), Some(-22));
    let mut sctp = dump_request(false, false, 0xfff, 0);
    sctp[17] = 132;
    assert_eq!(err(answer(&net, ns, 1, &sctp, 0)), Some(-2));
}

#[test]
fn info_and_cong_come_only_when_idiag_ext_asks() {
    let (net, ns) = listening_net();
    let plain = answer(&net, ns, 1, &dump_request(false, false, 0xfff, 0), 0);
    let m = MessageIter::new(&plain[0]).next().expect("message").expect("valid");
    assert_eq!(parse(m.payload).expect("entry").info, None);
    let asked = answer(&net, ns, 1, &dump_request(false, false, 0xfff, info::SS_INFO_EXT), 0);
    let m = MessageIter::new(&asked[0]).next().expect("message").expect("valid");
    let i = parse(m.payload).expect("entry").info.expect("INET_DIAG_INFO");
    assert_eq!(i.raw.len(), info::TCP_INFO_LEN);
    assert_eq!((i.u8(0), i.u32(80), i.u32(88), i.u32(28)), (10, 10, 3, 1), "LISTEN, cwnd, reordering, backlog");
    assert_eq!(i.cong.as_deref(), Some("bbr"));
    // A listener has no congestion-control record (`sk_state < TCP_TIME_WAIT`).
    assert_eq!(i.bbr, None);
}
