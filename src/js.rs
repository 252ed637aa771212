//! The plain JavaScript objects of the JS API (src/wasm.rs): the topology,
//! the decoder's messages and the snapshot object, built as one small value
//! tree that src/wasm.rs turns into JavaScript objects (no serializer).
//!
//! The objects are exactly what serde's derives on the views made (field
//! names in camelCase, in declaration order; `None` as `null`, or left out
//! where the TypeScript types mark the field optional), without a derive
//! and a serializer instance for every view type and every field type.
//! The WIT component (src/component.rs) hands the same values out as JSON
//! text ([`Js::to_json`]).

use crate::decode::{Attr, Datagram, ErrorInfo, Field, Message, Value};
use crate::topology::{AddressView, LinkView, NamespaceView, NeighbourView, NextHopView, PeerView, RouteView, Topology};

/// A JavaScript value.
pub enum Js<'a> {
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number (integers beyond 2^53 are refused, as serde's derives
    /// through serde-wasm-bindgen refused them).
    Int(i64),
    /// A string.
    Str(&'a str),
    /// An array.
    Arr(Vec<Js<'a>>),
    /// A plain object, its keys in this order.
    Obj(Vec<(&'static str, Js<'a>)>),
    /// An optional field that is absent: the object leaves its key out.
    Skip,
}

#[cfg(any(test, feature = "component"))]
impl Js<'_> {
    /// The value as JSON text (what `JSON.stringify` makes of the object
    /// the JS API returns).
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }

    fn write_json(&self, out: &mut String) {
        match self {
            Js::Null | Js::Skip => out.push_str("null"),
            Js::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Js::Int(v) => out.push_str(&v.to_string()),
            Js::Str(v) => json_string(v, out),
            Js::Arr(v) => {
                out.push('[');
                for (i, x) in v.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    x.write_json(out);
                }
                out.push(']');
            }
            Js::Obj(fields) => {
                out.push('{');
                let mut first = true;
                for (k, v) in fields.iter().filter(|(_, v)| !matches!(v, Js::Skip)) {
                    if !first {
                        out.push(',');
                    }
                    first = false;
                    json_string(k, out);
                    out.push(':');
                    v.write_json(out);
                }
                out.push('}');
            }
        }
    }
}

/// A JSON string literal: quotes, backslashes and control characters escaped.
#[cfg(any(test, feature = "component"))]
fn json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn int(v: impl Into<i64>) -> Js<'static> {
    Js::Int(v.into())
}

fn opt_str(v: &Option<String>) -> Js<'_> {
    v.as_deref().map_or(Js::Null, Js::Str)
}

fn opt_int(v: Option<u32>) -> Js<'static> {
    v.map_or(Js::Null, int)
}

fn arr<'a, T: 'a>(v: &'a [T], f: fn(&'a T) -> Js<'a>) -> Js<'a> {
    Js::Arr(v.iter().map(f).collect())
}

/// The snapshot object: `{ version, text }`.
#[cfg_attr(not(feature = "wasm"), allow(dead_code))]
pub fn snapshot(version: u32, text: &str) -> Js<'_> {
    Js::Obj(vec![("version", int(version)), ("text", Js::Str(text))])
}

/// [`Topology`] as the `Topology` interface.
pub fn topology(t: &Topology) -> Js<'_> {
    Js::Obj(vec![("namespaces", arr(&t.namespaces, namespace))])
}

fn namespace(n: &NamespaceView) -> Js<'_> {
    Js::Obj(vec![
        ("id", int(n.id)),
        ("name", opt_str(&n.name)),
        ("links", arr(&n.links, link)),
        ("routes", arr(&n.routes, route)),
        ("neighbours", arr(&n.neighbours, neighbour)),
    ])
}

fn peer(p: &PeerView) -> Js<'_> {
    Js::Obj(vec![("netns", int(p.netns)), ("netnsName", opt_str(&p.netns_name)), ("index", int(p.index)), ("name", Js::Str(&p.name))])
}

fn link(l: &LinkView) -> Js<'_> {
    Js::Obj(vec![
        ("index", int(l.index)),
        ("name", Js::Str(&l.name)),
        ("kind", Js::Str(&l.kind)),
        ("up", Js::Bool(l.up)),
        ("state", Js::Str(&l.state)),
        ("carrier", Js::Bool(l.carrier)),
        ("mtu", int(l.mtu)),
        ("address", Js::Str(&l.address)),
        ("master", opt_int(l.master)),
        ("masterName", opt_str(&l.master_name)),
        ("lower", opt_int(l.lower)),
        ("peer", l.peer.as_ref().map_or(Js::Null, peer)),
        ("addresses", arr(&l.addresses, address)),
    ])
}

fn address(a: &AddressView) -> Js<'_> {
    Js::Obj(vec![
        ("family", Js::Str(&a.family)),
        ("address", Js::Str(&a.address)),
        ("prefixLen", int(a.prefix_len)),
        ("scope", Js::Str(&a.scope)),
        ("peer", opt_str(&a.peer)),
        ("label", opt_str(&a.label)),
    ])
}

fn route(r: &RouteView) -> Js<'_> {
    Js::Obj(vec![
        ("family", Js::Str(&r.family)),
        ("table", int(r.table)),
        ("dst", Js::Str(&r.dst)),
        ("type", Js::Str(&r.kind)),
        ("protocol", Js::Str(&r.protocol)),
        ("scope", Js::Str(&r.scope)),
        ("metric", int(r.metric)),
        ("prefsrc", opt_str(&r.prefsrc)),
        ("nexthops", arr(&r.nexthops, nexthop)),
    ])
}

fn nexthop(nh: &NextHopView) -> Js<'_> {
    Js::Obj(vec![("gateway", opt_str(&nh.gateway)), ("devIndex", int(nh.dev_index)), ("dev", opt_str(&nh.dev)), ("weight", int(nh.weight))])
}

fn neighbour(n: &NeighbourView) -> Js<'_> {
    Js::Obj(vec![
        ("address", Js::Str(&n.address)),
        ("devIndex", int(n.dev_index)),
        ("dev", opt_str(&n.dev)),
        ("lladdr", opt_str(&n.lladdr)),
        ("state", Js::Str(&n.state)),
    ])
}

/// An optional field: left out when absent.
fn opt_text(v: &Option<String>) -> Js<'_> {
    v.as_deref().map_or(Js::Skip, Js::Str)
}

/// A [`Datagram`] as the `Decoded` interface.
pub fn datagram(d: &Datagram) -> Js<'_> {
    Js::Obj(vec![("messages", arr(&d.messages, message)), ("problem", opt_text(&d.problem))])
}

fn value(v: &Value) -> Js<'_> {
    match v {
        Value::Number(n) => Js::Int(*n),
        Value::Text(s) => Js::Str(s),
        Value::None => Js::Null,
    }
}

fn field(f: &Field) -> Js<'_> {
    Js::Obj(vec![("name", Js::Str(f.name)), ("value", value(&f.value)), ("text", opt_text(&f.text))])
}

/// A list that is left out when empty.
fn nonempty<'a, T: 'a>(v: &'a [T], f: fn(&'a T) -> Js<'a>) -> Js<'a> {
    if v.is_empty() { Js::Skip } else { arr(v, f) }
}

fn attr(a: &Attr) -> Js<'_> {
    Js::Obj(vec![
        ("type", int(a.kind)),
        ("name", Js::Str(&a.name)),
        ("len", int(a.len)),
        ("offset", Js::Int(a.offset as i64)),
        ("nested", Js::Bool(a.nested)),
        ("netByteorder", Js::Bool(a.net_byteorder)),
        ("format", Js::Str(a.format)),
        ("value", value(&a.value)),
        ("text", opt_text(&a.text)),
        ("fields", nonempty(&a.fields, field)),
        ("attributes", nonempty(&a.attributes, attr)),
        ("hex", Js::Str(&a.hex)),
        ("problem", opt_text(&a.problem)),
    ])
}

fn error_info(e: &ErrorInfo) -> Js<'_> {
    Js::Obj(vec![
        ("error", int(e.error)),
        ("errnoName", Js::Str(&e.errno_name)),
        ("message", Js::Str(&e.message)),
        ("extack", opt_text(&e.extack)),
        ("offset", e.offset.map_or(Js::Skip, int)),
        ("request", e.request.as_deref().map_or(Js::Skip, message)),
    ])
}

fn message(m: &Message) -> Js<'_> {
    Js::Obj(vec![
        ("len", int(m.len)),
        ("type", int(m.kind)),
        ("typeName", Js::Str(&m.type_name)),
        ("flags", int(m.flags)),
        ("flagNames", Js::Arr(m.flag_names.iter().map(|s| Js::Str(s)).collect())),
        ("seq", int(m.seq)),
        ("pid", int(m.pid)),
        ("headerName", m.header_name.map_or(Js::Skip, Js::Str)),
        ("header", arr(&m.header, field)),
        ("attributes", arr(&m.attributes, attr)),
        ("error", m.error.as_ref().map_or(Js::Skip, error_info)),
        ("hex", Js::Str(&m.hex)),
        ("problem", opt_text(&m.problem)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_text_escapes_strings_and_leaves_out_skipped_fields() {
        let v = Js::Obj(vec![
            ("a", Js::Int(-3)),
            ("b", Js::Str("q\"\\\n\u{1}é")),
            ("skip", Js::Skip),
            ("c", Js::Arr(vec![Js::Null, Js::Bool(true), Js::Obj(vec![])])),
        ]);
        assert_eq!(v.to_json(), r#"{"a":-3,"b":"q\"\\\n\u0001é","c":[null,true,{}]}"#);
    }

    #[test]
    fn a_topology_is_json_with_the_js_apis_field_names() {
        let w = crate::World::new();
        let text = topology(&crate::topology::topology(&w)).to_json();
        assert!(
            text.starts_with(r#"{"namespaces":[{"id":0,"name":null,"links":[{"index":1,"name":"lo","kind":"loopback","up":false"#),
            "{text}"
        );
    }
}
