//! Tests of rule.rs: the expressions a rule turns into and back.

use super::*;

fn names(exprs: &[Expr]) -> Vec<String> {
    exprs
        .iter()
        .map(|e| match e {
            Expr::Match { name, rev, .. } => format!("{name}/{rev}"),
            Expr::Payload { .. } => "payload".into(),
            Expr::Meta { .. } => "meta".into(),
            Expr::Cmp { .. } => "cmp".into(),
            Expr::Counter { .. } => "counter".into(),
            _ => "other".into(),
        })
        .collect()
}

#[test]
fn matches_go_out_in_command_line_order() {
    // `-m state --state NEW -p tcp --dport 22`, as iptables-nft 1.8.9 sends it
    // (measured): protocol, conntrack (the state alias), the port.
    let mut s = Spec { proto: Some(6), ctstate: Some(8), state_match: true, dport: Some((22, 22)), ..Spec::default() };
    s.load(Mt::Ct);
    s.load(Mt::Ports);
    let e = s.encode();
    assert_eq!(names(&e), ["meta", "cmp", "conntrack/3", "payload", "cmp", "counter"]);
    let Some(Expr::Match { info, .. }) = e.get(2) else { panic!("no match") };
    assert_eq!(info[146..148], 0x2001u16.to_ne_bytes());
    let (back, _) = Spec::decode(&e, false).expect("decodes");
    assert_eq!(back, s);
    s.order = vec![Mt::Ports, Mt::Ct];
    assert_eq!(names(&s.encode()), ["meta", "cmp", "payload", "cmp", "conntrack/3", "counter"]);
}

#[test]
fn multiport_and_comment_round_trip() {
    let mp = Multiport { which: 1, ports: vec![(80, 80), (1000, 2000)], invert: true };
    let mut s = Spec { proto: Some(6), multiport: Some(mp), comment: Some("web".into()), ..Spec::default() };
    s.load(Mt::Comment);
    s.load(Mt::Multiport);
    let e = s.encode();
    assert_eq!(names(&e), ["meta", "cmp", "comment/0", "multiport/1", "counter"]);
    let Some(Expr::Match { info, .. }) = e.get(3) else { panic!("no match") };
    assert_eq!((info.len(), info[0], info[1], info[33], info[47]), (48, 1, 3, 1, 1));
    assert_eq!(Spec::decode(&e, false).expect("decodes").0, s);
}
