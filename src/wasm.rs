//! The JavaScript API (wasm-bindgen): a `World` with netlink `Socket`s, a
//! shell (`exec`), an inspector's decoder, snapshots and a topology view.
//!
//! Every entry point checks what JavaScript handed it and throws an `Error`
//! with a clear message for anything else; nothing here panics on input.
//! The TypeScript types of the plain objects are in `wasm.d.ts` (a custom
//! section) and ship in the package's `.d.ts`.

use js_sys::{Array, Object, Reflect, Uint8Array};

use crate::js::Js;
use wasm_bindgen::prelude::*;

use std::cell::RefCell;
use std::rc::Rc;

use crate::errno::Errno;
use crate::history::Snapshot;
use crate::host::{Host, NetlinkSocket, SockOpt};
use crate::output::Output;
use crate::rtnetlink::Protocol;
use crate::shell::Shell;
use crate::stack::NsId;
use crate::{Creds, World as CoreWorld};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("wasm.d.ts");

fn init() {
    console_error_panic_hook::set_once();
}

/// The module's allocator (std's default on wasm32 is dlmalloc): smaller
/// and faster.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// A plain-object tree (src/js.rs) as JavaScript: the value `JSON.parse`
/// makes of its JSON text (keys in order, absent optional fields left out),
/// built directly rather than through a serializer.
fn to_js(v: &Js<'_>) -> Result<JsValue, JsError> {
    Ok(match v {
        Js::Null | Js::Skip => JsValue::NULL,
        Js::Bool(b) => JsValue::from_bool(*b),
        // Beyond 2^53 a number would silently lose digits.
        Js::Int(n) if n.unsigned_abs() < 1 << 53 => JsValue::from_f64(*n as f64),
        Js::Int(n) => return Err(JsError::new(&format!("internal: cannot convert to JavaScript: {n} is not a safe integer"))),
        Js::Str(s) => JsValue::from_str(s),
        Js::Arr(items) => {
            let out = Array::new_with_length(items.len() as u32);
            for (i, x) in items.iter().enumerate() {
                out.set(i as u32, to_js(x)?);
            }
            out.into()
        }
        Js::Obj(fields) => {
            let out = Object::new();
            for (k, x) in fields.iter().filter(|(_, x)| !matches!(x, Js::Skip)) {
                let _ = Reflect::set(&out, &JsValue::from_str(k), &to_js(x)?);
            }
            out.into()
        }
    })
}

/// A number as JavaScript writes it (`Number.prototype.toString`), so that
/// the module carries no float formatting of its own.
fn js_number(v: f64) -> String {
    js_sys::Number::from(v).to_string_with_radix(10).map(String::from).unwrap_or_default()
}

/// A short description of a JavaScript value's type for error messages.
fn js_type(v: &JsValue) -> String {
    if v.is_undefined() {
        "undefined".into()
    } else if v.is_null() {
        "null".into()
    } else if Array::is_array(v) {
        "an array".into()
    } else if let Some(s) = v.js_typeof().as_string() {
        if s == "object" {
            let name =
                Reflect::get(v, &"constructor".into()).ok().and_then(|c| Reflect::get(&c, &"name".into()).ok()).and_then(|n| n.as_string());
            match name {
                Some(n) if n != "Object" => format!("a {n}"),
                _ => "an object".into(),
            }
        } else {
            format!("a {s}")
        }
    } else {
        "a value".into()
    }
}

/// Reads bytes from a Uint8Array (or any typed array view / ArrayBuffer / array of bytes).
fn bytes_of(what: &str, v: &JsValue) -> Result<Vec<u8>, JsError> {
    if let Some(a) = v.dyn_ref::<Uint8Array>() {
        return Ok(a.to_vec());
    }
    if let Some(b) = v.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(Uint8Array::new(b).to_vec());
    }
    if Array::is_array(v) {
        let arr = Array::from(v);
        let mut out = Vec::with_capacity(arr.length() as usize);
        for (i, x) in arr.iter().enumerate() {
            match x.as_f64() {
                Some(n) if n.fract() == 0.0 && (0.0..=255.0).contains(&n) => out.push(n as u8),
                _ => return Err(JsError::new(&format!("{what}: element {i} of the array is not a byte (0..=255)"))),
            }
        }
        return Ok(out);
    }
    Err(JsError::new(&format!("{what}: expected a Uint8Array, got {}", js_type(v))))
}

fn messages_to_js(msgs: Vec<Vec<u8>>) -> Array {
    let out = Array::new_with_length(msgs.len() as u32);
    for (i, m) in msgs.iter().enumerate() {
        out.set(i as u32, Uint8Array::from(m.as_slice()).into());
    }
    out
}

fn get(obj: &JsValue, key: &str) -> Result<JsValue, JsError> {
    Reflect::get(obj, &JsValue::from_str(key)).map_err(|_| JsError::new(&format!("cannot read option `{key}`")))
}

fn opt_bool(what: &str, obj: &JsValue, key: &str) -> Result<Option<bool>, JsError> {
    let v = get(obj, key)?;
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_bool().map(Some).ok_or_else(|| JsError::new(&format!("{what}: `{key}` must be a boolean, got {}", js_type(&v))))
}

/// Refuses the keys of an options object that `what` does not know: a
/// misspelt option is an error, not silently ignored.
fn known_keys(what: &str, obj: &JsValue, keys: &[&str]) -> Result<(), JsError> {
    for k in Object::keys(obj.unchecked_ref::<Object>()).iter() {
        let k = k.as_string().unwrap_or_default();
        if !keys.contains(&k.as_str()) {
            return Err(JsError::new(&format!("{what}: unknown option `{k}` (known: {})", keys.join(", "))));
        }
    }
    Ok(())
}

const GROUP_NAMES: crate::text::Names = crate::text::Names(
    "NONE LINK NOTIFY NEIGH TC IPV4_IFADDR IPV4_MROUTE IPV4_ROUTE IPV4_RULE IPV6_IFADDR \
     IPV6_MROUTE IPV6_ROUTE IPV6_IFINFO DECNET_IFADDR NOP2 DECNET_ROUTE DECNET_RULE NOP4 \
     IPV6_PREFIX IPV6_RULE ND_USEROPT PHONET_IFADDR PHONET_ROUTE DCB IPV4_NETCONF \
     IPV6_NETCONF MDB MPLS_ROUTE NSID MPLS_NETCONF IPV4_MROUTE_R IPV6_MROUTE_R NEXTHOP BRVLAN \
     MCTP_IFADDR TUNNEL STATS",
);

/// The `protocol` option of `socket`: a name or a protocol number.
fn protocol_of(v: &JsValue) -> Result<Protocol, JsError> {
    if v.is_undefined() || v.is_null() {
        return Ok(Protocol::Route);
    }
    let by_name = v.as_string().map(|s| crate::text::replace(&s.trim().to_ascii_lowercase(), "-", "_"));
    match (by_name.as_deref(), v.as_f64()) {
        (Some("route" | "netlink_route"), _) | (_, Some(0.0)) => Ok(Protocol::Route),
        (Some("netfilter" | "netlink_netfilter"), _) | (_, Some(12.0)) => Ok(Protocol::Netfilter),
        (Some("sock_diag" | "netlink_sock_diag"), _) | (_, Some(4.0)) => Ok(Protocol::SockDiag),
        (Some(s), _) => Err(JsError::new(&format!("socket: unknown protocol \"{s}\" (try \"route\", \"netfilter\", \"sock_diag\")"))),
        (_, Some(n)) => Err(JsError::new(&format!("socket: protocol {} is not 0 (route), 4 (sock_diag) or 12 (netfilter)", js_number(n)))),
        _ => Err(JsError::new(&format!("socket: `protocol` must be a name or a number, got {}", js_type(v)))),
    }
}

/// A multicast group number of a protocol other than NETLINK_ROUTE (1..=32).
fn group_number(v: &JsValue, i: usize) -> Result<u32, JsError> {
    match v.as_f64() {
        Some(n) if n.fract() == 0.0 && (1.0..=32.0).contains(&n) => Ok(n as u32),
        _ => Err(JsError::new(&format!("socket: group (element {i}) must be a group number (1..=32) for this protocol"))),
    }
}

/// A group number from a number or a name like `link`, `ipv4-route`, `RTNLGRP_NSID`.
fn group_of(v: &JsValue, i: usize) -> Result<u32, JsError> {
    if let Some(n) = v.as_f64() {
        if n.fract() == 0.0 && (1.0..=f64::from(crate::wire::group::MAX)).contains(&n) {
            return Ok(n as u32);
        }
        return Err(JsError::new(&format!(
            "socket: group {} (element {i}) is not an rtnetlink group number (1..={})",
            js_number(n),
            crate::wire::group::MAX
        )));
    }
    if let Some(s) = v.as_string() {
        let norm = crate::text::replace(&s.trim().to_ascii_uppercase(), "-", "_");
        let norm = norm.strip_prefix("RTNLGRP_").unwrap_or(&norm);
        if let Some(pos) = GROUP_NAMES.iter().position(|g| g == norm).filter(|&p| p > 0) {
            return Ok(pos as u32);
        }
        return Err(JsError::new(&format!("socket: unknown multicast group \"{s}\" (try \"link\", \"ipv4-ifaddr\", \"ipv4-route\"...)")));
    }
    Err(JsError::new(&format!("socket: group (element {i}) must be a number or a name, got {}", js_type(v))))
}

/// One simulated machine: network namespaces, links, addresses, routing
/// tables, and a shell whose `ip` talks to it through netlink. A fresh world
/// is what `unshare --net` gives: one namespace with only `lo`, down.
#[wasm_bindgen(js_name = World)]
pub struct WasmWorld {
    world: CoreWorld,
    shell: Shell,
    log: ExchangeLog,
    /// The job `spawn` runs in the foreground, if any (src/wasm_job.rs).
    foreground: crate::wasm_job::Foreground,
}

impl WasmWorld {
    /// The world this handle holds.
    pub(crate) fn core(&self) -> &CoreWorld {
        &self.world
    }

    fn wrap(world: CoreWorld) -> WasmWorld {
        let log = ExchangeLog::default();
        let shell = Self::session(&world, &log);
        WasmWorld { world, shell, log, foreground: Rc::default() }
    }

    /// The foreground job's cell, shared with the jobs `spawn` returns.
    pub(crate) fn foreground(&self) -> crate::wasm_job::Foreground {
        Rc::clone(&self.foreground)
    }

    /// A shell over the world whose sockets record into `log`.
    fn session(world: &CoreWorld, log: &ExchangeLog) -> Shell {
        Shell::new(Box::new(RecordingHost { world: world.clone(), log: Rc::clone(log) }))
    }

    fn ns_of(&self, v: &JsValue) -> Result<NsId, JsError> {
        if v.is_undefined() || v.is_null() {
            return Ok(self.world.initial_ns());
        }
        if let Some(name) = v.as_string() {
            return self.world.netns(&name).ok_or_else(|| {
                JsError::new(&format!("socket: no network namespace named \"{name}\" (create it with `ip netns add {name}`)"))
            });
        }
        if let Some(n) = v.as_f64() {
            let id = n as u32;
            if n.fract() == 0.0 && n >= 0.0 && self.world.with_net(|net| net.ns(NsId(id)).is_some()) {
                return Ok(NsId(id));
            }
            return Err(JsError::new(&format!("socket: no network namespace with id {}", js_number(n))));
        }
        Err(JsError::new(&format!("socket: `netns` must be a name or a namespace id, got {}", js_type(v))))
    }
}

#[wasm_bindgen(js_class = World)]
impl WasmWorld {
    /// A fresh world: one namespace with only `lo`, down.
    #[wasm_bindgen(constructor)]
    pub fn new() -> WasmWorld {
        init();
        WasmWorld::wrap(CoreWorld::new())
    }

    /// Opens a netlink socket (NETLINK_ROUTE unless `protocol` says
    /// otherwise), as `socket(AF_NETLINK, SOCK_RAW, protocol)` + `bind()`
    /// would. Throws for an unknown namespace or malformed options.
    pub fn socket(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "SocketOptions")] options: Option<JsValue>,
    ) -> Result<WasmSocket, JsError> {
        let options = options.unwrap_or(JsValue::UNDEFINED);
        let empty = options.is_undefined() || options.is_null();
        if !empty && (!options.is_object() || Array::is_array(&options)) {
            return Err(JsError::new(&format!("socket: options must be an object, got {}", js_type(&options))));
        }
        let opts = if empty { Object::new().into() } else { options };
        known_keys("socket", &opts, &["protocol", "netns", "unprivileged", "groups", "extAck", "capAck", "strictCheck"])?;
        let protocol = protocol_of(&get(&opts, "protocol")?)?;
        let ns = self.ns_of(&get(&opts, "netns")?)?;
        let unprivileged = opt_bool("socket", &opts, "unprivileged")?.unwrap_or(false);
        let creds = if unprivileged { Creds::USER } else { Creds::ROOT };
        let mut sockopts = Vec::new();
        let groups = get(&opts, "groups")?;
        if let Some(n) = groups.as_f64() {
            if n.fract() != 0.0 || !(0.0..=f64::from(u32::MAX)).contains(&n) {
                return Err(JsError::new(&format!("socket: `groups` bit mask {} is not a 32-bit unsigned integer", js_number(n))));
            }
            sockopts.push(SockOpt::BindGroups(n as u32));
        } else if Array::is_array(&groups) {
            for (i, g) in Array::from(&groups).iter().enumerate() {
                let group = if protocol == Protocol::Route { group_of(&g, i)? } else { group_number(&g, i)? };
                sockopts.push(SockOpt::AddMembership(group));
            }
        } else if !(groups.is_undefined() || groups.is_null()) {
            return Err(JsError::new(&format!("socket: `groups` must be a bit mask or an array of groups, got {}", js_type(&groups))));
        }
        for &(key, make) in
            &[("extAck", SockOpt::ExtAck as fn(bool) -> SockOpt), ("capAck", SockOpt::CapAck), ("strictCheck", SockOpt::StrictCheck)]
        {
            if let Some(b) = opt_bool("socket", &opts, key)? {
                sockopts.push(make(b));
            }
        }
        let sock = self.world.socket_of(ns, creds, protocol).map_err(|e| JsError::new(&format!("socket: {}", e.message())))?;
        for o in sockopts {
            sock.set_option(o).map_err(|e| JsError::new(&format!("socket: setsockopt: {}", e.message())))?;
        }
        Ok(WasmSocket { sock })
    }

    /// Runs one shell line (`ip ...`, `sysctl ...`, `echo ...`, `a; b`,
    /// `a && b`) on this world, as a root bash prompt would.
    #[wasm_bindgen(unchecked_return_type = "ExecResult")]
    pub fn exec(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] line: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ExecOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsError> {
        let Some(line) = line.as_string() else {
            return Err(JsError::new(&format!("exec: expected a command line string, got {}", js_type(&line))));
        };
        let options = options.unwrap_or(JsValue::UNDEFINED);
        let mut interactive = false;
        let netns = if options.is_undefined() || options.is_null() {
            None
        } else if options.is_object() && !Array::is_array(&options) {
            known_keys("exec", &options, &["netns", "interactive"])?;
            interactive = opt_bool("exec", &options, "interactive")?.unwrap_or(false);
            let v = get(&options, "netns")?;
            if v.is_undefined() || v.is_null() {
                None
            } else {
                Some(v.as_string().ok_or_else(|| JsError::new(&format!("exec: `netns` must be a namespace name, got {}", js_type(&v))))?)
            }
        } else {
            return Err(JsError::new(&format!("exec: options must be an object, got {}", js_type(&options))));
        };
        if self.shell.exited() {
            // `exit` ended the previous session; a terminal would start a new one.
            self.shell = Self::session(&self.world, &self.log);
        }
        if let Some(name) = &netns {
            self.shell
                .host()
                .set_current_netns(Some(name))
                .map_err(|_| JsError::new(&format!("exec: no network namespace named \"{name}\"")))?;
        }
        self.log.borrow_mut().clear();
        let mut out = if interactive { Output::terminal() } else { Output::new() };
        self.shell.set_hints(interactive);
        // While a spawned job holds the terminal, its output goes to its poll().
        let held = self.foreground.get().is_some_and(|pid| self.world.job_status(pid).is_none());
        self.shell.set_flush_jobs(!held);
        let status = self.shell.run_line(&line, &mut out);
        if netns.is_some() {
            let _ = self.shell.host().set_current_netns(None);
        }
        let exchanges = std::mem::take(&mut *self.log.borrow_mut());
        let result = Object::new();
        let set = |k: &str, v: JsValue| Reflect::set(&result, &JsValue::from_str(k), &v);
        let netlink = Array::new();
        for x in exchanges {
            let o = Object::new();
            let _ = Reflect::set(&o, &"protocol".into(), &JsValue::from_str(x.protocol));
            let _ = Reflect::set(&o, &"netns".into(), &x.netns.map_or(JsValue::NULL, |n| JsValue::from_str(&n)));
            let _ = Reflect::set(&o, &"portId".into(), &JsValue::from(x.port));
            let _ = Reflect::set(&o, &"request".into(), &Uint8Array::from(x.request.as_slice()).into());
            let _ = Reflect::set(&o, &"replies".into(), &messages_to_js(x.replies).into());
            netlink.push(&o);
        }
        let ok = set("stdout", out.stdout().into())
            .and(set("stderr", out.stderr().into()))
            .and(set("combined", out.combined().into()))
            .and(set("status", status.into()))
            .and(set("netlink", netlink.into()));
        ok.map_err(|_| JsError::new("internal: cannot build the exec result"))?;
        Ok(result.into())
    }

    /// Decodes a datagram of netlink messages into a readable object for an
    /// inspector. `protocol` (as {@link SocketOptions.protocol}; the
    /// exchanges of {@link World.exec} carry it) says what the type numbers
    /// mean: without it, rtnetlink, and nfnetlink for nf_tables messages.
    /// Throws when no message can be read at all.
    #[wasm_bindgen(unchecked_return_type = "Decoded")]
    pub fn decode(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string | number")] protocol: Option<JsValue>,
    ) -> Result<JsValue, JsError> {
        decode(bytes, protocol)
    }

    /// The operations that built this world, as a plain object. Give it to
    /// {@link World.restore} to get an identical world.
    #[wasm_bindgen(unchecked_return_type = "WorldSnapshot")]
    pub fn snapshot(&self) -> Result<JsValue, JsError> {
        to_js(&crate::js::snapshot(Snapshot::VERSION, &self.world.snapshot().to_text()))
    }

    /// A new world rebuilt from {@link World.snapshot}'s object (or its
    /// `text`). Throws for anything that is not a snapshot.
    pub fn restore(#[wasm_bindgen(unchecked_param_type = "WorldSnapshot | string")] snapshot: JsValue) -> Result<WasmWorld, JsError> {
        init();
        let text = if let Some(s) = snapshot.as_string() {
            s
        } else if snapshot.is_object() && !Array::is_array(&snapshot) {
            known_keys("restore", &snapshot, &["version", "text"])?;
            let version = get(&snapshot, "version")?;
            if !version.is_undefined() && !Snapshot::READS.iter().any(|&v| version.as_f64() == Some(f64::from(v))) {
                return Err(JsError::new(&format!(
                    "restore: unsupported snapshot version {} (this build reads versions 1 and 2)",
                    version.as_f64().map_or_else(|| js_type(&version), js_number),
                )));
            }
            get(&snapshot, "text")?.as_string().ok_or_else(|| JsError::new("restore: the snapshot object has no `text` string"))?
        } else {
            return Err(JsError::new(&format!("restore: expected a snapshot object or text, got {}", js_type(&snapshot))));
        };
        let snap = Snapshot::from_text(&text).map_err(|e| JsError::new(&format!("restore: {e}")))?;
        Ok(WasmWorld::wrap(CoreWorld::restore(&snap)))
    }

    /// Namespaces, links (with veth peers, masters and addresses), routes and
    /// neighbours, as plain objects.
    #[wasm_bindgen(unchecked_return_type = "Topology")]
    pub fn topology(&self) -> Result<JsValue, JsError> {
        to_js(&crate::js::topology(&crate::topology::topology(&self.world)))
    }

    /// Starts a packet capture on device `dev` of a namespace (a name, an
    /// id, or the initial one when omitted; `dev` "any" for every device)
    /// and returns its handle for {@link World.capture}.
    #[wasm_bindgen(js_name = captureStart)]
    pub fn capture_start(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | number | undefined")] netns: JsValue,
        dev: &str,
    ) -> Result<u32, JsError> {
        let ns = self.ns_of(&netns)?;
        self.world.capture_start(ns, dev).map_err(|e| JsError::new(&format!("capture: {dev}: {}", e.message())))
    }

    /// What a capture has seen so far, as the bytes of a pcap file
    /// (Ethernet link type; opens in Wireshark, reads with `tcpdump -r`):
    /// its newest 20,000 frames.
    pub fn capture(&self, handle: u32) -> Vec<u8> {
        self.world.capture_pcap(handle)
    }

    /// Ends a capture.
    #[wasm_bindgen(js_name = captureStop)]
    pub fn capture_stop(&self, handle: u32) {
        self.world.capture_stop(handle)
    }

    /// The names of the namespaces `ip netns add` created, newest first.
    #[wasm_bindgen(js_name = netnsList)]
    pub fn netns_list(&self) -> Vec<String> {
        self.world.with_net(|n| n.names().map(|(name, _)| name.to_string()).collect::<Vec<_>>()).into_iter().rev().collect()
    }
}

impl Default for WasmWorld {
    fn default() -> Self {
        WasmWorld::new()
    }
}

/// Decodes a datagram of netlink messages (the same as {@link World.decode},
/// without a world).
#[wasm_bindgen(unchecked_return_type = "Decoded")]
pub fn decode(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | number")] protocol: Option<JsValue>,
) -> Result<JsValue, JsError> {
    init();
    let bytes = bytes_of("decode", &bytes)?;
    let protocol = protocol.unwrap_or(JsValue::UNDEFINED);
    let d = if protocol.is_undefined() || protocol.is_null() {
        crate::decode::decode(&bytes)
    } else {
        let p = protocol_of(&protocol)
            .map_err(|_| JsError::new("decode: protocol must be \"route\", \"netfilter\", \"sock_diag\" or 0, 12, 4"))?;
        crate::decode::decode_as(&bytes, p)
    };
    let d = d.map_err(|e| JsError::new(&format!("decode: {e}")))?;
    to_js(&crate::js::datagram(&d))
}

/// A netlink socket on a {@link World} (see {@link SocketOptions.protocol}). Call `free()` to close it.
#[wasm_bindgen(js_name = Socket)]
pub struct WasmSocket {
    sock: crate::Socket,
}

#[wasm_bindgen(js_class = Socket)]
impl WasmSocket {
    /// Sends one datagram (one or more netlink messages) and returns every
    /// reply message in order, each one nlmsghdr-framed message: dump parts,
    /// NLMSG_DONE, ACKs and errors, with `nlmsg_seq` echoed and `nlmsg_pid`
    /// set as Linux sets it. Throws if `datagram` is not bytes.
    #[wasm_bindgen(unchecked_return_type = "Uint8Array[]")]
    pub fn send(&self, #[wasm_bindgen(unchecked_param_type = "Uint8Array")] datagram: JsValue) -> Result<Array, JsError> {
        let bytes = bytes_of("send", &datagram)?;
        Ok(messages_to_js(self.sock.send(&bytes)))
    }

    /// {@link Socket.send} with the replies in one buffer: the messages back
    /// to back, each nlmsghdr-framed and 4-byte aligned, as a `recv` buffer
    /// holds several (walk them by `nlmsg_len`, as `NLMSG_NEXT` does). One
    /// copy out of the module instead of an array of arrays: the way for
    /// large batches of requests. Throws if `datagram` is not bytes.
    #[wasm_bindgen(js_name = sendJoined)]
    pub fn send_joined(&self, #[wasm_bindgen(unchecked_param_type = "Uint8Array")] datagram: JsValue) -> Result<Uint8Array, JsError> {
        let bytes = bytes_of("sendJoined", &datagram)?;
        // Replies are built 4-byte aligned (nlmsg_len may leave padding
        // after the last attribute, which NLMSG_ALIGN skips).
        let mut joined = Vec::new();
        for m in self.sock.send(&bytes) {
            joined.extend_from_slice(&m);
            joined.resize(crate::wire::align4(joined.len()), 0);
        }
        Ok(Uint8Array::from(joined.as_slice()))
    }

    /// Returns (and forgets) the multicast notifications queued for this
    /// socket's groups, each one message.
    #[wasm_bindgen(unchecked_return_type = "Uint8Array[]")]
    pub fn drain(&self) -> Array {
        messages_to_js(self.sock.drain())
    }

    /// The port id (what `getsockname` reports; replies carry it in `nlmsg_pid`).
    #[wasm_bindgen(getter, js_name = portId)]
    pub fn port_id(&self) -> u32 {
        self.sock.port_id()
    }

    /// Joins a multicast group (NETLINK_ADD_MEMBERSHIP): a number or a name.
    pub fn join(&self, #[wasm_bindgen(unchecked_param_type = "number | string")] group: JsValue) -> Result<(), JsError> {
        let g = group_of(&group, 0)?;
        self.sock.set_option(SockOpt::AddMembership(g)).map_err(|e| JsError::new(&format!("join: {}", e.message())))
    }

    /// Leaves a multicast group (NETLINK_DROP_MEMBERSHIP).
    pub fn leave(&self, #[wasm_bindgen(unchecked_param_type = "number | string")] group: JsValue) -> Result<(), JsError> {
        let g = group_of(&group, 0)?;
        self.sock.set_option(SockOpt::DropMembership(g)).map_err(|e| JsError::new(&format!("leave: {}", e.message())))
    }
}

/// One datagram the shell's `ip` sent and what came back.
struct Exchange {
    /// "route" or "netfilter".
    protocol: &'static str,
    netns: Option<String>,
    port: u32,
    request: Vec<u8>,
    replies: Vec<Vec<u8>>,
}

/// The exchanges of the line being run, shared by the recording sockets.
type ExchangeLog = Rc<RefCell<Vec<Exchange>>>;

/// The world as the shell's host, with every socket it opens recording its
/// datagrams and replies into a log (for the inspector of `exec`). Every
/// other [`Host`] method is the world's own, defaults included.
struct RecordingHost {
    world: CoreWorld,
    log: ExchangeLog,
}

/// A socket that passes everything through and logs each `send`.
struct RecordingSocket {
    inner: Box<dyn NetlinkSocket>,
    protocol: &'static str,
    netns: Option<String>,
    log: ExchangeLog,
}

impl NetlinkSocket for RecordingSocket {
    fn send(&mut self, datagram: &[u8]) -> Vec<Vec<u8>> {
        let replies = self.inner.send(datagram);
        self.log.borrow_mut().push(Exchange {
            protocol: self.protocol,
            netns: self.netns.clone(),
            port: self.inner.port_id(),
            request: datagram.to_vec(),
            replies: replies.clone(),
        });
        replies
    }
    fn drain(&mut self) -> Vec<Vec<u8>> {
        self.inner.drain()
    }
    fn port_id(&self) -> u32 {
        self.inner.port_id()
    }
    fn set_option(&mut self, opt: SockOpt) -> Result<(), Errno> {
        self.inner.set_option(opt)
    }
}

impl Host for RecordingHost {
    fn socket(&mut self, netns: Option<&str>) -> Result<Box<dyn NetlinkSocket>, Errno> {
        let inner = Host::socket(&mut self.world, netns)?;
        let netns = netns.map(str::to_string).or_else(|| self.world.current_netns());
        Ok(Box::new(RecordingSocket { inner, protocol: "route", netns, log: Rc::clone(&self.log) }))
    }
    fn socket_of(&mut self, netns: Option<&str>, protocol: crate::rtnetlink::Protocol) -> Result<Box<dyn NetlinkSocket>, Errno> {
        // NETLINK_ROUTE and NETLINK_NETFILTER are logged for the inspector; the others go straight through.
        match protocol {
            crate::rtnetlink::Protocol::Route => self.socket(netns),
            crate::rtnetlink::Protocol::Netfilter => {
                let inner = Host::socket_of(&mut self.world, netns, protocol)?;
                let netns = netns.map(str::to_string).or_else(|| self.world.current_netns());
                Ok(Box::new(RecordingSocket { inner, protocol: "netfilter", netns, log: Rc::clone(&self.log) }))
            }
            _ => Host::socket_of(&mut self.world, netns, protocol),
        }
    }
    fn netns_list(&self) -> Vec<String> {
        self.world.netns_list()
    }
    fn netns_add(&mut self, name: &str) -> Result<(), Errno> {
        self.world.netns_add(name)
    }
    fn netns_del(&mut self, name: &str) -> Result<(), Errno> {
        self.world.netns_del(name)
    }
    fn netns_fd(&mut self, name: &str) -> Result<u32, Errno> {
        self.world.netns_fd(name)
    }
    fn current_netns(&self) -> Option<String> {
        self.world.current_netns()
    }
    fn set_current_netns(&mut self, netns: Option<&str>) -> Result<(), Errno> {
        self.world.set_current_netns(netns)
    }
    fn sysctl_get(&self, key: &str) -> Result<String, Errno> {
        self.world.sysctl_get(key)
    }
    fn sysctl_set(&mut self, key: &str, value: &str) -> Result<(), Errno> {
        self.world.sysctl_set(key, value)
    }
    fn sysctl_keys(&self) -> Vec<String> {
        self.world.sysctl_keys()
    }
    fn stdout_is_terminal(&self) -> bool {
        self.world.stdout_is_terminal()
    }
    fn run_program(&mut self, name: &str, args: &[String], out: &mut Output) -> Option<i32> {
        self.world.run_program(name, args, out)
    }
    fn run_program_input(&mut self, name: &str, args: &[String], stdin: &[u8], out: &mut Output) -> Option<i32> {
        self.world.run_program_input(name, args, stdin, out)
    }
    fn start_job(&mut self, name: &str, args: &[String], command: &str) -> Option<u32> {
        self.world.start_job(name, args, command)
    }
    fn job_output(&mut self) -> Output {
        self.world.job_output()
    }
    fn job_status(&self, pid: u32) -> Option<i32> {
        self.world.job_status(pid)
    }
    fn kill_job(&mut self, pid: u32) -> bool {
        self.world.kill_job(pid)
    }
    fn wait_jobs(&mut self) {
        self.world.wait_jobs()
    }
    fn read_file(&self, path: &str) -> Result<String, Errno> {
        self.world.read_file(path)
    }
}
