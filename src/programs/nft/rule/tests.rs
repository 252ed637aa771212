//! The rule parser's own regressions (found by fuzzing).

use crate::World;
use crate::output::Output;
use crate::shell::Shell;

#[test]
fn an_ipv4_prefix_past_32_bits_is_refused_without_a_panic() {
    // The shell_line fuzz target found `ip daddr 192.168.1.0/48` indexing
    // past the address; nft refuses it ("Prefix length 48 is invalid").
    let mut shell = Shell::new(Box::new(World::new()));
    for line in ["nft add table ip t", "nft add chain ip t c"] {
        assert_eq!(shell.run_line(line, &mut Output::new()), 0, "{line}");
    }
    assert_ne!(shell.run_line("nft add rule ip t c ip daddr 192.168.1.0/48 accept", &mut Output::new()), 0);
    assert_eq!(shell.run_line("nft add rule ip t c ip daddr 192.168.1.0/24 accept", &mut Output::new()), 0);
}

/// The expressions `nft --debug=netlink add rule inet f c ...` (nft
/// 1.0.6) printed on Linux for these rules.
#[test]
fn tutorial_matches_build_the_expressions_nft_sends() {
    use super::{Ctx, parse};
    use crate::wire::nf_expr::Expr::{self, Bitwise, Cmp, Limit, Log, Meta, Payload};
    let links = [(1, "lo".to_string())];
    let ctx = Ctx { family: crate::wire::nftables::family::INET, links: &links, table: "f", sets: &[], next_set_id: 1, numeric: false };
    let words = |t: &str| t.split(' ').map(str::to_string).collect::<Vec<_>>();
    let cmp = |data: &[u8]| Cmp { sreg: 4, op: 0, data: data.to_vec() };
    let meta = |key| Meta { key, dreg: 4 };
    let nfproto6 = [meta(15), cmp(&[10])];
    let mut v6_33: Vec<Expr> = nfproto6.to_vec();
    v6_33.extend([
        Payload { dreg: 4, base: 1, offset: 8, len: 16 },
        Bitwise { sreg: 4, dreg: 4, len: 16, mask: [[0xff; 4].as_slice(), &[0x80], &[0; 11]].concat(), xor: vec![0; 16] },
        cmp(&[[0x20, 0x01, 0x0d, 0xb8].as_slice(), &[0; 12]].concat()),
    ]);
    assert_eq!(parse(&words("ip6 saddr 2001:db8::/33"), &ctx).unwrap(), v6_33);
    let mut v6_32: Vec<Expr> = nfproto6.to_vec();
    v6_32.extend([Payload { dreg: 4, base: 1, offset: 8, len: 4 }, cmp(&[0x20, 0x01, 0x0d, 0xb8])]);
    assert_eq!(parse(&words("ip6 saddr 2001:db8::/32"), &ctx).unwrap(), v6_32);
    let icmp = vec![meta(15), cmp(&[2]), meta(16), cmp(&[1]), Payload { dreg: 4, base: 2, offset: 0, len: 1 }, cmp(&[8])];
    assert_eq!(parse(&words("icmp type echo-request"), &ctx).unwrap(), icmp);
    assert_eq!(parse(&words("iif lo"), &ctx).unwrap(), vec![meta(4), cmp(&1u32.to_ne_bytes())]);
    let proto = vec![meta(15), cmp(&[2]), Payload { dreg: 4, base: 1, offset: 9, len: 1 }, cmp(&[1])];
    assert_eq!(parse(&words("ip protocol icmp"), &ctx).unwrap(), proto);
    assert_eq!(parse(&words("log prefix x"), &ctx).unwrap(), vec![Log { prefix: Some("x".into()), level: None, flags: 0 }]);
    let limit = Limit { rate: 3, unit: 60, burst: 5, ty: 0, flags: 1, bucket: None };
    assert_eq!(parse(&words("limit rate over 3/minute"), &ctx).unwrap(), vec![limit]);
}
