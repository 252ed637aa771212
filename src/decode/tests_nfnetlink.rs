//! Tests of the nfnetlink decoding, on batches the real `iptables` 1.8.9
//! and `nft` 1.0.6 sent (tests/netlink/cases/netfilter_requests.json).

use super::*;

const IPTABLES_RANGE_BATCH: &str = concat!(
    "1c0000001000010001000000000000000000000a080001000000000120000000000a0104020000000000000002000000",
    "0b00010066696c746572000054000000030a01040300000000000000020000000b00010066696c74657200000c000300",
    "464f525741524400140004800800010000000002080002000000000008000500000000010b00070066696c7465720000",
    "60010000060a010c0400000000000000020000000b00010066696c74657200000c000200464f52574152440020010480",
    "24000180090001006d6574610000000014000280080002000000001008000100000000012c00018008000100636d7000",
    "20000280080001000000000108000200000000000c0003800500010011000000340001800c0001007061796c6f616400",
    "2400028008000100000000010800020000000002080003000000000208000400000000023c0001800a00010072616e67",
    "650000002c000280080001000000000108000200000000000c0003800600010080e800000c0004800600010084d00000",
    "2c0001800c000100636f756e746572001c0002800c00010000000000000000000c000200000000000000000030000180",
    "0e000100696d6d6564696174650000001c0002800800010000000000100002800c000280080001000000000014000580",
    "08000100000000110800020000000000140000001100010005000000000000000000000a",
);
const NFT_DNAT_BATCH: &str = concat!(
    "140000001000010000000000000000000000000a68010000060a010c010000000000000002000000080001006e617400",
    "08000200707265004401048024000180090001006d657461000000001400028008000200000000100800010000000001",
    "2c00018008000100636d700020000280080001000000000108000200000000000c000380050001000600000034000180",
    "0c0001007061796c6f616400240002800800010000000001080002000000000208000300000000020800040000000002",
    "2c00018008000100636d700020000280080001000000000108000200000000000c00038006000100005000002c000180",
    "0e000100696d6d6564696174650000001800028008000100000000010c000280080001000a0000022c0001800e000100",
    "696d6d6564696174650000001800028008000100000000020c000280060001001f90000038000180080001006e617400",
    "2c0002800800010000000001080002000000000208000300000000010800050000000002080007000000000214000000",
    "1100010002000000000000000000000a",
);

/// `nft add rule inet f input tcp dport vmap { 22 : accept, 80 : drop }`.
const NFT_VMAP_BATCH: &str = concat!(
    "140000001000010000000000000000000000000a84000000090a01040100000000000000010000000600010066000000",
    "0c0002005f5f6d6170256400080003000000000b080004000000000d080005000000000208000600ffffff0008000700",
    "0000000008000a00000000030c000980080001000000000220000d000004020000000104000000000408000401000000",
    "0100060400000000740000000c0a010402000000000000000100000006000100660000000c0002005f5f6d6170256400",
    "080004000000000344000380200001800c0001800600010000160000100002800c000280080001000000000120000280",
    "0c0001800600010000500000100002800c0002800800010000000000e8000000060a010c030000000000000001000000",
    "06000100660000000a000200696e707574000000c000048024000180090001006d657461000000001400028008000200",
    "0000001008000100000000012c00018008000100636d700020000280080001000000000108000200000000000c000380",
    "0500010006000000340001800c0001007061796c6f616400240002800800010000000001080002000000000208000300",
    "000000020800040000000002380001800b0001006c6f6f6b757000002800028008000200000000010800030000000000",
    "0c0001005f5f6d61702564000800040000000003140000001100010004000000000000000000000a",
);

fn bytes(hex: &str) -> Vec<u8> {
    (0..hex.len() / 2).map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap()).collect()
}

/// Every attribute named `name` anywhere under `list`, depth first.
fn find<'a>(list: &'a [Attr], name: &str, out: &mut Vec<&'a Attr>) {
    for a in list {
        if a.name == name {
            out.push(a);
        }
        find(&a.attributes, name, out);
    }
}

fn all<'a>(m: &'a Message, name: &str) -> Vec<&'a Attr> {
    let mut out = Vec::new();
    find(&m.attributes, name, &mut out);
    out
}

fn texts(m: &Message, name: &str) -> Vec<String> {
    all(m, name).iter().map(|a| a.text.clone().unwrap_or_else(|| format!("{:?}", a.value))).collect()
}

#[test]
fn the_protocol_tells_a_batch_from_rtm_newlink() {
    let d = decode_as(&bytes(IPTABLES_RANGE_BATCH), Protocol::Netfilter).unwrap();
    let types: Vec<&str> = d.messages.iter().map(|m| m.type_name.as_str()).collect();
    assert_eq!(types, ["NFNL_MSG_BATCH_BEGIN", "NFT_MSG_NEWTABLE", "NFT_MSG_NEWCHAIN", "NFT_MSG_NEWRULE", "NFNL_MSG_BATCH_END"]);
    let begin = &d.messages[0];
    assert_eq!(begin.header_name, Some("nfgenmsg"));
    let res = begin.header.iter().find(|f| f.name == "res_id").unwrap();
    assert_eq!(res.text.as_deref(), Some("NFNL_SUBSYS_NFTABLES"));
    assert_eq!(begin.attributes[0].name, "NFNL_BATCH_GENID");
    // A NEW request's high flags are NEW's (the rule is appended).
    assert!(d.messages[3].flag_names.contains(&"NLM_F_APPEND"), "{:?}", d.messages[3].flag_names);
    // Without the protocol the same numbers are rtnetlink's.
    let guessed = decode(&bytes(IPTABLES_RANGE_BATCH)).unwrap();
    assert_eq!(guessed.messages[0].type_name, "RTM_NEWLINK");
    assert_eq!(guessed.messages[3].type_name, "NFT_MSG_NEWRULE");
    // And under NETLINK_ROUTE an nf_tables number is no message of its.
    assert_eq!(type_name_as(0x0a06, Protocol::Route), "UNKNOWN_2566");
}

#[test]
fn rule_expressions_show_their_names_and_attributes() {
    let d = decode_as(&bytes(IPTABLES_RANGE_BATCH), Protocol::Netfilter).unwrap();
    let rule = &d.messages[3];
    // -p udp --dport 33000:34000 -j DROP
    let names: Vec<&Value> = all(rule, "NFTA_EXPR_NAME").iter().map(|a| &a.value).collect();
    let want = ["meta", "cmp", "payload", "range", "counter", "immediate"].map(|n| Value::Text(n.into()));
    assert_eq!(names, want.iter().collect::<Vec<_>>());
    assert_eq!(texts(rule, "NFTA_META_KEY"), ["NFT_META_L4PROTO"]);
    assert_eq!(texts(rule, "NFTA_META_DREG"), ["NFT_REG_1"]);
    assert_eq!(texts(rule, "NFTA_CMP_OP"), ["NFT_CMP_EQ"]);
    assert_eq!(texts(rule, "NFTA_PAYLOAD_BASE"), ["NFT_PAYLOAD_TRANSPORT_HEADER"]);
    let offset = all(rule, "NFTA_PAYLOAD_OFFSET");
    assert_eq!(offset[0].value, Value::Number(2));
    assert_eq!(texts(rule, "NFTA_RANGE_OP"), ["NFT_RANGE_EQ"]);
    // The constants: UDP (17), then 33000 and 34000 in network byte order.
    let values: Vec<&Value> = all(rule, "NFTA_DATA_VALUE").iter().map(|a| &a.value).collect();
    assert_eq!(values, [&Value::Text("11".into()), &Value::Text("80 e8".into()), &Value::Text("84 d0".into())]);
    assert_eq!(texts(rule, "NFTA_VERDICT_CODE"), ["NF_DROP"]);
    assert!(all(rule, "NFTA_COUNTER_PACKETS").len() == 1);
    // Nothing in the rule was left undecoded.
    assert!(all(rule, "NFTA_EXPR_DATA").iter().all(|a| a.format == "nested" && !a.attributes.is_empty()));
}

#[test]
fn nat_and_immediate_values_decode() {
    // nft add rule ip nat pre tcp dport 80 dnat to 10.0.0.2:8080
    let d = decode_as(&bytes(NFT_DNAT_BATCH), Protocol::Netfilter).unwrap();
    let rule = d.messages.iter().find(|m| m.type_name == "NFT_MSG_NEWRULE").unwrap();
    assert_eq!(texts(rule, "NFTA_NAT_TYPE"), ["NFT_NAT_DNAT"]);
    assert_eq!(texts(rule, "NFTA_NAT_FAMILY"), ["NFPROTO_IPV4"]);
    assert_eq!(texts(rule, "NFTA_IMMEDIATE_DREG").len(), 2);
    let values: Vec<&Value> = all(rule, "NFTA_DATA_VALUE").iter().map(|a| &a.value).collect();
    assert!(values.contains(&&Value::Text("0a 00 00 02".into())), "{values:?}");
    assert!(values.contains(&&Value::Text("1f 90".into())), "{values:?}");
}

#[test]
fn verdict_codes_are_signed_and_named() {
    let mut v = Vec::new();
    crate::wire::NlaWriter::put(&mut v, nft_verdict_code(), &(-3i32).to_be_bytes());
    let mut list = attrs(&v, 0, &crate::wire::nftables::verdict::SPACE, 0);
    nfnetlink::name_verdicts(&mut list);
    assert_eq!(list[0].value, Value::Number(-3));
    assert_eq!(list[0].text.as_deref(), Some("NFT_JUMP"));
}

fn nft_verdict_code() -> u16 {
    crate::wire::nftables::verdict::CODE
}

#[test]
fn never_panics_on_cut_or_flipped_batches() {
    let good = bytes(IPTABLES_RANGE_BATCH);
    for cut in 0..good.len() {
        let _ = decode_as(&good[..cut], Protocol::Netfilter);
    }
    for i in 0..good.len() {
        let mut b = good.clone();
        b[i] ^= 0xff;
        let _ = decode_as(&b, Protocol::Netfilter);
        let _ = decode(&b);
    }
}

#[test]
fn a_vmap_batch_shows_its_set_and_elements() {
    let d = decode_as(&bytes(NFT_VMAP_BATCH), Protocol::Netfilter).unwrap();
    let types: Vec<&str> = d.messages.iter().map(|m| m.type_name.as_str()).collect();
    assert_eq!(types, ["NFNL_MSG_BATCH_BEGIN", "NFT_MSG_NEWSET", "NFT_MSG_NEWSETELEM", "NFT_MSG_NEWRULE", "NFNL_MSG_BATCH_END"]);
    let map = Value::Text("__map%d".into());
    assert_eq!(all(&d.messages[1], "NFTA_SET_NAME")[0].value, map);
    assert_eq!(all(&d.messages[1], "NFTA_SET_DESC_SIZE")[0].value, Value::Number(2));
    assert_eq!(all(&d.messages[2], "NFTA_SET_ELEM_LIST_SET")[0].value, map);
    // libnftnl numbers the element nests 1, 2, ... (the kernel reads any
    // type); the first decodes by name: port 22 and its verdict.
    let keys: Vec<&Value> = all(&d.messages[2], "NFTA_DATA_VALUE").iter().map(|a| &a.value).collect();
    assert_eq!(keys[0], &Value::Text("00 16".into()));
    assert_eq!(all(&d.messages[2], "NFTA_VERDICT_CODE")[0].value, Value::Number(1));
    assert_eq!(all(&d.messages[3], "NFTA_LOOKUP_SET")[0].value, map);
}
