//! Netlink socket behaviour of the kernel side, each value measured on
//! Linux 6.18 with raw AF_NETLINK sockets in a fresh `unshare --net`
//! (Python's socket module; `setpriv --inh-caps=-all --bounding-set=-all`
//! for the unprivileged sender).

use iplab::errno::Errno;
use iplab::host::SockOpt;
use iplab::{Creds, World};

/// RTM_GETLINK for ifindex 1 with NLM_F_ACK, sequence 7.
fn getlink_lo() -> Vec<u8> {
    let mut m = Vec::new();
    m.extend_from_slice(&32u32.to_ne_bytes());
    m.extend_from_slice(&18u16.to_ne_bytes());
    m.extend_from_slice(&5u16.to_ne_bytes());
    m.extend_from_slice(&7u32.to_ne_bytes());
    m.extend_from_slice(&0u32.to_ne_bytes());
    m.extend_from_slice(&[0, 0, 0, 0]);
    m.extend_from_slice(&1i32.to_ne_bytes());
    m.extend_from_slice(&[0; 8]);
    m
}

/// RTM_SETLINK setting lo's MTU (a change announced to RTNLGRP_LINK).
fn set_lo_mtu(mtu: u32) -> Vec<u8> {
    let mut m = Vec::new();
    m.extend_from_slice(&40u32.to_ne_bytes());
    m.extend_from_slice(&19u16.to_ne_bytes());
    m.extend_from_slice(&5u16.to_ne_bytes());
    m.extend_from_slice(&mtu.to_ne_bytes());
    m.extend_from_slice(&0u32.to_ne_bytes());
    m.extend_from_slice(&[0, 0, 0, 0]);
    m.extend_from_slice(&1i32.to_ne_bytes());
    m.extend_from_slice(&[0; 8]);
    m.extend_from_slice(&8u16.to_ne_bytes());
    m.extend_from_slice(&4u16.to_ne_bytes()); // IFLA_MTU
    m.extend_from_slice(&mtu.to_ne_bytes());
    m
}

#[test]
fn so_rcvbuf_doubles_the_request_after_the_minimum() {
    let world = World::new();
    let s = world.socket(world.initial_ns(), Creds::ROOT).unwrap();
    // The default: rmem_default, 212992.
    assert_eq!(s.rcvbuf(), 212_992);
    for (asked, got) in [(0, 2304), (1, 2304), (1152, 2304), (1153, 2306), (2000, 4000), (100_000, 200_000), (212_992, 425_984)] {
        s.set_option(SockOpt::RcvBuf(asked)).unwrap();
        assert_eq!(s.rcvbuf(), got, "SO_RCVBUF {asked}");
    }
    // Above net.core.rmem_max (212992 by default) the request is capped.
    s.set_option(SockOpt::RcvBuf(1 << 30)).unwrap();
    assert_eq!(s.rcvbuf(), 425_984);
    // SO_RCVBUFFORCE passes rmem_max (measured: 1 MiB gives 2 MiB) but
    // needs CAP_NET_ADMIN.
    s.set_option(SockOpt::RcvBufForce(1 << 20)).unwrap();
    assert_eq!(s.rcvbuf(), 2 << 20);
    let user = world.socket(world.initial_ns(), Creds::USER).unwrap();
    assert_eq!(user.set_option(SockOpt::RcvBufForce(1 << 20)), Err(Errno::EPERM));
}

#[test]
fn a_full_receive_queue_gives_enobufs_once_then_the_queued_messages() {
    // Measured: with SO_RCVBUF 1 (2304), forty lo MTU changes leave one
    // RTM_NEWLINK queued; the next read fails with ENOBUFS, the one after
    // returns that message, and the socket then takes messages again.
    let world = World::new();
    let ns = world.initial_ns();
    let root = world.socket(ns, Creds::ROOT).unwrap();
    let listener = world.socket(ns, Creds::ROOT).unwrap();
    listener.set_option(SockOpt::BindGroups(1)).unwrap();
    listener.set_option(SockOpt::RcvBuf(1)).unwrap();
    for i in 0..40 {
        root.send(&set_lo_mtu(1500 + i));
    }
    assert_eq!(listener.take_error(), Some(Errno::ENOBUFS));
    assert_eq!(listener.take_error(), None);
    let queued = listener.drain();
    assert_eq!(queued.len(), 1);
    root.send(&set_lo_mtu(1400));
    assert_eq!(listener.take_error(), None);
    assert_eq!(listener.drain().len(), 1);
    // A large buffer holds them all.
    let roomy = world.socket(ns, Creds::ROOT).unwrap();
    roomy.set_option(SockOpt::BindGroups(1)).unwrap();
    for i in 0..40 {
        root.send(&set_lo_mtu(1500 + i));
    }
    assert_eq!(roomy.take_error(), None);
    assert_eq!(roomy.drain().len(), 40);
}

#[test]
fn user_messages_to_a_group_reach_its_other_members_and_need_cap_net_admin() {
    let world = World::new();
    let ns = world.initial_ns();
    let a = world.socket(ns, Creds::ROOT).unwrap();
    let b = world.socket(ns, Creds::ROOT).unwrap();
    let c = world.socket(ns, Creds::ROOT).unwrap();
    a.set_option(SockOpt::BindGroups(1)).unwrap();
    b.set_option(SockOpt::BindGroups(1)).unwrap();
    let msg = getlink_lo();
    // Measured: c's sendto((0, 1)) reaches a and b as sent, and the kernel
    // answers c (RTM_NEWLINK, then the ACK).
    let replies = c.send_to(&msg, 0, 1).unwrap();
    assert_eq!(replies.len(), 2);
    assert_eq!(a.drain(), vec![msg.clone()]);
    assert_eq!(b.drain(), vec![msg.clone()]);
    // The sender does not hear its own broadcast, even as a member.
    a.send_to(&msg, 0, 1).unwrap();
    assert!(a.drain().is_empty());
    assert_eq!(b.drain(), vec![msg.clone()]);
    // Without CAP_NET_ADMIN: EPERM for a group or a user port, the kernel
    // alone is fine.
    let user = world.socket(ns, Creds::USER).unwrap();
    assert_eq!(user.send_to(&msg, 0, 1), Err(Errno::EPERM));
    assert_eq!(user.send_to(&msg, 12345, 0), Err(Errno::EPERM));
    assert_eq!(user.send_to(&msg, 0, 0).map(|r| r.len()), Ok(2));
    assert!(a.drain().is_empty() && b.drain().is_empty());
}
