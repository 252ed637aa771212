//! The state machine between two tables, segments handed over directly.

use super::super::{Out, Proto, State, Table};
use super::*;

fn sa(s: &str) -> SocketAddr {
    s.parse().expect("socket address")
}

/// Hands segments back and forth until none is left; returns how many went.
fn exchange(a: &mut Table, b: &mut Table, mut to_b: Vec<Out>, now: u64) -> usize {
    let mut to_a: Vec<Out> = Vec::new();
    let mut n = 0;
    while !to_a.is_empty() || !to_b.is_empty() {
        for o in std::mem::take(&mut to_b) {
            n += 1;
            to_a.extend(b.tcp_input(o.src, o.dst, &o.tcp, 1460, now));
        }
        for o in std::mem::take(&mut to_a) {
            n += 1;
            to_b.extend(a.tcp_input(o.src, o.dst, &o.tcp, 1460, now));
        }
    }
    n
}

fn state(t: &Table, id: u32) -> Option<State> {
    t.get(id).map(|s| s.state)
}

fn listener(t: &mut Table, port: u16, backlog: u32) -> u32 {
    let l = t.socket(Proto::Tcp, false).expect("socket");
    t.bind(l, SocketAddr::new("0.0.0.0".parse().expect("ip"), port)).expect("bind");
    t.listen(l, backlog).expect("listen");
    l
}

#[test]
fn a_closed_port_answers_with_a_reset_that_refuses_the_connect() {
    let (mut a, mut b) = (Table::default(), Table::default());
    let c = a.socket(Proto::Tcp, false).expect("socket");
    let syn = a.connect(c, "10.0.0.1".parse().expect("ip"), sa("10.0.0.2:80"), 1460, 0).expect("connect");
    assert_eq!(syn.tcp.options, TcpOptions { mss: Some(1460), sack_ok: true, timestamp: syn.tcp.options.timestamp, wscale: Some(WSCALE) });
    assert_eq!(syn.tcp.window, 64240);
    let rst = b.tcp_input(syn.src, syn.dst, &syn.tcp, 1460, 10);
    assert_eq!(rst.len(), 1);
    assert_eq!(rst[0].tcp.flags, f::RST | f::ACK);
    assert_eq!(rst[0].tcp.ack, syn.tcp.seq.wrapping_add(1));
    a.tcp_input(rst[0].src, rst[0].dst, &rst[0].tcp, 1460, 20);
    assert_eq!(state(&a, c), Some(State::Close));
    assert_eq!(a.get(c).and_then(|s| s.error).map(|(e, _)| e), Some(Errno::ECONNREFUSED));
}

#[test]
fn handshake_data_and_teardown_walk_through_the_states() {
    let (mut a, mut b) = (Table::default(), Table::default());
    let l = listener(&mut b, 8080, 1);
    let c = a.socket(Proto::Tcp, false).expect("socket");
    let syn = a.connect(c, "10.0.0.1".parse().expect("ip"), sa("10.0.0.2:8080"), 1460, 0).expect("connect");
    assert_eq!(state(&a, c), Some(State::SynSent));
    // SYN, SYN-ACK, ACK.
    assert_eq!(exchange(&mut a, &mut b, vec![syn], 100), 3);
    assert_eq!(state(&a, c), Some(State::Established));
    let child = b.accept(l).expect("an established child");
    assert_eq!(state(&b, child), Some(State::Established));
    assert_eq!(b.get(child).map(|s| s.tcb.rcv_wnd), Some(65160));
    // Data and its ACK; the window is scaled after the handshake.
    let data = a.send(c, b"hello\n", 200).expect("send");
    assert_eq!(data[0].tcp.window, 63);
    exchange(&mut a, &mut b, data, 200);
    assert_eq!(b.get(child).map(|s| s.rx.clone()), Some(b"hello\n".to_vec()));
    assert_eq!(a.get(c).map(|s| s.send_q()), Some(0));
    // The client shuts down: FIN-WAIT-2 / CLOSE-WAIT.
    let fin = a.shutdown_write(c, 300).expect("shutdown");
    exchange(&mut a, &mut b, fin, 300);
    // The FIN's ACK is delayed (pingpong mode) by 40 ms.
    assert_eq!((state(&a, c), state(&b, child)), (Some(State::FinWait1), Some(State::CloseWait)));
    assert_eq!(b.next_timer(), Some(300 + DELACK_US));
    let ack = b.run_timers(300 + DELACK_US);
    exchange(&mut b, &mut a, ack, 300 + DELACK_US);
    assert_eq!(state(&a, c), Some(State::FinWait2));
    assert_eq!(b.get(child).map(|s| s.rx_closed), Some(true));
    // The server reads, then closes: LAST-ACK, then gone; the client
    // waits in TIME-WAIT.
    if let Some(s) = b.get_mut(child) {
        s.rx.clear();
    }
    let fin = b.close(child, 400);
    assert_eq!(state(&b, child), Some(State::LastAck));
    let mut back = Vec::new();
    for o in fin {
        back.extend(a.tcp_input(o.src, o.dst, &o.tcp, 1460, 400));
    }
    assert_eq!(state(&a, c), Some(State::TimeWait));
    for o in back {
        b.tcp_input(o.src, o.dst, &o.tcp, 1460, 400);
    }
    assert_eq!(state(&b, child), None);
    // TIME-WAIT lasts 60 s.
    a.run_timers(400 + TIME_WAIT_US - 1);
    assert_eq!(state(&a, c), Some(State::TimeWait));
    a.run_timers(400 + TIME_WAIT_US);
    assert_eq!(state(&a, c), None);
}

#[test]
fn an_unanswered_syn_is_retransmitted_with_a_doubling_timeout_then_times_out() {
    let mut a = Table::default();
    let c = a.socket(Proto::Tcp, false).expect("socket");
    let syn = a.connect(c, "10.0.0.1".parse().expect("ip"), sa("10.0.0.9:80"), 1460, 0).expect("connect");
    let mut times = vec![0];
    while let Some(at) = a.next_timer() {
        for o in a.run_timers(at) {
            assert_eq!(o.tcp.seq, syn.tcp.seq);
            times.push(at);
        }
    }
    // After 1, 2, 4, 8, 16 and 32 s, each a little late as the timer
    // wheel rounds it up (2 s is still level 1: 8 jiffies; 32 s level 3).
    let gaps: Vec<u64> = times.windows(2).map(|w| w[1] - w[0]).collect();
    assert_eq!(gaps.len(), 6);
    for (i, gap) in gaps.iter().enumerate() {
        let rto = 1_000_000 << i;
        assert!(*gap > rto && *gap <= rto + 512 * super::wheel::JIFFY_US, "{i}: {gap}");
    }
    let (e, at) = a.get(c).and_then(|s| s.error).expect("timed out");
    assert_eq!(e, Errno::ETIMEDOUT);
    assert!(at > times[6] + 64_000_000, "{at}");
}

#[test]
fn a_full_backlog_drops_further_syns() {
    let (mut a, mut b) = (Table::default(), Table::default());
    listener(&mut b, 80, 0);
    let mut answered = 0;
    for _ in 0..3 {
        let c = a.socket(Proto::Tcp, false).expect("socket");
        let syn = a.connect(c, "10.0.0.1".parse().expect("ip"), sa("10.0.0.2:80"), 1460, 0).expect("connect");
        answered += b.tcp_input(syn.src, syn.dst, &syn.tcp, 1460, 0).len();
    }
    // Backlog 0 admits one pending connection (sk_acceptq_is_full is '>').
    assert_eq!(answered, 1);
}

#[test]
fn closing_with_unread_data_resets() {
    let (mut a, mut b) = (Table::default(), Table::default());
    let l = listener(&mut b, 80, 1);
    let c = a.socket(Proto::Tcp, false).expect("socket");
    let syn = a.connect(c, "10.0.0.1".parse().expect("ip"), sa("10.0.0.2:80"), 1460, 0).expect("connect");
    exchange(&mut a, &mut b, vec![syn], 0);
    let child = b.accept(l).expect("child");
    let data = a.send(c, b"x", 0).expect("send");
    exchange(&mut a, &mut b, data, 0);
    let rst = b.close(child, 1);
    assert_eq!(rst.iter().map(|o| o.tcp.flags).collect::<Vec<_>>(), vec![f::RST | f::ACK]);
    for o in rst {
        a.tcp_input(o.src, o.dst, &o.tcp, 1460, 1);
    }
    assert_eq!(a.get(c).and_then(|s| s.error).map(|(e, _)| e), Some(Errno::ECONNRESET));
}

#[test]
fn tcp_info_counters_follow_the_segments() {
    let (mut a, mut b) = (Table::default(), Table::default());
    let l = listener(&mut b, 8080, 1);
    let c = a.socket(Proto::Tcp, false).expect("socket");
    let syn = a.connect(c, "10.0.0.1".parse().expect("ip"), sa("10.0.0.2:8080"), 1460, 0).expect("connect");
    exchange(&mut a, &mut b, vec![syn], 1_000);
    let child = b.accept(l).expect("accepted child");
    // The client sent SYN and ACK and got the SYN-ACK; the child's SYN-ACK
    // is the request's, so it counts the SYN and the ACK only.
    let (cs, ss) = (&a.get(c).expect("client").tcb, &b.get(child).expect("child").tcb);
    assert_eq!((cs.stats.segs_out, cs.stats.segs_in, cs.active_open), (2, 1, true));
    assert_eq!((ss.stats.segs_out, ss.stats.segs_in, ss.active_open), (0, 2, false));
    assert_eq!(cs.snd_wnd, 65160, "the SYN-ACK's window, unscaled");
    assert_eq!(ss.snd_wnd, 64240_u32.div_ceil(1 << WSCALE) << WSCALE, "the ACK's window, scaled");
    let data = a.send(c, b"hello", 5_000).expect("send");
    exchange(&mut a, &mut b, data, 5_000);
    let (cs, ss) = (&a.get(c).expect("client").tcb.stats, &b.get(child).expect("child").tcb.stats);
    assert_eq!((cs.data_segs_out, cs.bytes_sent, cs.last_send_us), (1, 5, 5_000));
    assert_eq!((ss.data_segs_in, ss.bytes_received, ss.last_recv_us), (1, 5, 5_000));
}
