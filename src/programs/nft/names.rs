//! The symbolic constants nft 1.0.6 reads and prints for header fields
//! (`nft describe icmp type`, `icmpv6 type`, `meta nfproto`, and the
//! /etc/protocols names of `ip protocol` and `meta l4proto`).

/// ICMP types by name (src/proto.c `icmp_type_tbl`).
pub const ICMP_TYPES: &[(&str, u8)] = &[
    ("echo-reply", 0),
    ("destination-unreachable", 3),
    ("source-quench", 4),
    ("redirect", 5),
    ("echo-request", 8),
    ("router-advertisement", 9),
    ("router-solicitation", 10),
    ("time-exceeded", 11),
    ("parameter-problem", 12),
    ("timestamp-request", 13),
    ("timestamp-reply", 14),
    ("info-request", 15),
    ("info-reply", 16),
    ("address-mask-request", 17),
    ("address-mask-reply", 18),
];

/// ICMPv6 types by name (src/proto.c `icmp6_type_tbl`); the first name of
/// a number is the one printed.
pub const ICMPV6_TYPES: &[(&str, u8)] = &[
    ("destination-unreachable", 1),
    ("packet-too-big", 2),
    ("time-exceeded", 3),
    ("parameter-problem", 4),
    ("echo-request", 128),
    ("echo-reply", 129),
    ("mld-listener-query", 130),
    ("mld-listener-report", 131),
    ("mld-listener-done", 132),
    ("mld-listener-reduction", 132),
    ("nd-router-solicit", 133),
    ("nd-router-advert", 134),
    ("nd-neighbor-solicit", 135),
    ("nd-neighbor-advert", 136),
    ("nd-redirect", 137),
    ("router-renumbering", 138),
    ("ind-neighbor-solicit", 141),
    ("ind-neighbor-advert", 142),
    ("mld2-listener-report", 143),
];

/// Protocol names as /etc/protocols gives them (Debian netbase), the
/// first name of a number printed; `icmpv6` is nft's own alias.
const PROTOCOLS: &[(&str, u8)] = &[
    ("icmp", 1),
    ("igmp", 2),
    ("tcp", 6),
    ("udp", 17),
    ("gre", 47),
    ("esp", 50),
    ("ah", 51),
    ("ipv6-icmp", 58),
    ("icmpv6", 58),
    ("sctp", 132),
    ("udplite", 136),
];

/// `meta nfproto` values by name.
pub const NFPROTOS: &[(&str, u8)] = &[("ipv4", 2), ("ipv6", 10)];

/// The number of a name in `table`, or the word as a decimal number.
pub fn number(table: &[(&str, u8)], word: &str) -> Option<u8> {
    let word = word.trim_matches('"');
    table.iter().find(|(n, _)| *n == word).map(|(_, v)| *v).or_else(|| word.parse().ok())
}

/// The name of a number in `table`, or the number.
pub fn name(table: &[(&str, u8)], value: u8) -> String {
    table.iter().find(|(_, v)| *v == value).map_or_else(|| value.to_string(), |(n, _)| (*n).to_string())
}

/// A transport protocol's number by name (`ip protocol`, `meta l4proto`).
pub fn protocol(word: &str) -> Option<u8> {
    number(PROTOCOLS, word)
}

/// A transport protocol's name as nft prints it.
pub fn protocol_name(value: u8) -> String {
    name(PROTOCOLS, value)
}

/// TCP flags by bit, in the order nft prints them (src/tcp.c
/// `tcp_flag_tbl`: a flag list is printed from the lowest bit up).
pub const TCP_FLAGS: &[(&str, u8)] =
    &[("fin", 0x01), ("syn", 0x02), ("rst", 0x04), ("psh", 0x08), ("ack", 0x10), ("urg", 0x20), ("ecn", 0x40), ("cwr", 0x80)];

/// TCP flags written as nft reads them: names or numbers joined by `|`
/// or `,`, perhaps in parentheses (`(syn|ack)`, `syn,ack`, `0x12`).
pub fn tcp_flags(text: &str) -> Option<u8> {
    let body = text.trim().trim_start_matches('(').trim_end_matches(')');
    let mut bits = 0u8;
    for part in body.split(['|', ',']).map(str::trim) {
        bits |= match TCP_FLAGS.iter().find(|(n, _)| *n == part) {
            Some((_, b)) => *b,
            None => match part.strip_prefix("0x") {
                Some(hex) => u8::from_str_radix(hex, 16).ok()?,
                None => part.parse().ok()?,
            },
        };
    }
    Some(bits)
}

/// TCP flags as nft lists them: the names of the set bits, comma-joined.
pub fn tcp_flags_text(bits: u8) -> String {
    let names: Vec<&str> = TCP_FLAGS.iter().filter(|(_, b)| bits & b != 0).map(|(n, _)| *n).collect();
    names.join(",")
}

/// ICMP destination-unreachable codes `reject with icmp` takes (src/proto.c
/// `icmp_code_tbl`).
pub const ICMP_CODES: &[(&str, u8)] = &[
    ("net-unreachable", 0),
    ("host-unreachable", 1),
    ("prot-unreachable", 2),
    ("port-unreachable", 3),
    ("frag-needed", 4),
    ("net-prohibited", 9),
    ("host-prohibited", 10),
    ("admin-prohibited", 13),
];

/// ICMPv6 destination-unreachable codes (`icmpv6_code_tbl`).
pub const ICMPV6_CODES: &[(&str, u8)] =
    &[("no-route", 0), ("admin-prohibited", 1), ("addr-unreachable", 3), ("port-unreachable", 4), ("policy-fail", 5), ("reject-route", 6)];

/// nft's family-neutral codes (`icmpx_code_tbl`, NFT_REJECT_ICMPX_*).
pub const ICMPX_CODES: &[(&str, u8)] = &[("no-route", 0), ("port-unreachable", 1), ("host-unreachable", 2), ("admin-prohibited", 3)];
