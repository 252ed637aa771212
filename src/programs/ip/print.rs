//! The single print path for text and JSON (iproute2's lib/json_print.c and
//! lib/color.c). Every field is printed once with a JSON key and a text
//! format; which of the two appears depends on whether a JSON document is
//! open and on the [`Kind`] of the call.

use super::json::JsonWriter;
use super::printf::{Arg, format};
use crate::output::Output;

/// Where a field goes (`enum output_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text output only (`PRINT_FP`).
    Fp,
    /// JSON output only (`PRINT_JSON`).
    Json,
    /// Whichever output is active (`PRINT_ANY`).
    Any,
}

/// Colour classes of fields (`enum color_attr`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    /// Interface names.
    Ifname,
    /// Link-layer addresses.
    Mac,
    /// IPv4 addresses.
    Inet,
    /// IPv6 addresses.
    Inet6,
    /// Operational state UP.
    OperUp,
    /// Operational state DOWN.
    OperDown,
    /// No colour.
    None,
}

impl Color {
    /// The colour of an address of `family` (`ifa_family_color`).
    pub fn for_family(family: u8) -> Color {
        match family {
            2 => Color::Inet,
            10 => Color::Inet6,
            _ => Color::None,
        }
    }
    /// The colour of an operational state (`oper_state_color`).
    pub fn for_operstate(state: u8) -> Color {
        match state {
            6 => Color::OperUp,
            2 => Color::OperDown,
            _ => Color::None,
        }
    }
    /// The escape sequence for a light background (iproute2's default when
    /// COLORFGBG does not announce a dark one).
    fn escape(self) -> Option<&'static str> {
        Some(match self {
            Color::Ifname => "\x1b[36m",
            Color::Mac => "\x1b[33m",
            Color::Inet => "\x1b[35m",
            Color::Inet6 => "\x1b[34m",
            Color::OperUp => "\x1b[32m",
            Color::OperDown => "\x1b[31m",
            Color::None => return None,
        })
    }
}

const CLEAR: &str = "\x1b[0m";

/// Text or JSON output of one command, written into an [`Output`].
pub struct Printer<'o> {
    /// Where stdout and stderr go.
    pub out: &'o mut Output,
    json: Option<JsonWriter>,
    pretty: bool,
    color: bool,
    /// The line separator `_SL_`: "\n", or "\\" with `-oneline`.
    pub sl: &'static str,
}

impl<'o> Printer<'o> {
    /// A printer for text output, without colour.
    pub fn new(out: &'o mut Output) -> Self {
        Printer { out, json: None, pretty: false, color: false, sl: "\n" }
    }

    /// Chooses pretty JSON (`-p`) for documents opened later.
    pub fn set_pretty(&mut self, pretty: bool) {
        self.pretty = pretty;
    }

    /// Enables colour escapes in text output.
    pub fn set_color(&mut self, on: bool) {
        self.color = on;
    }

    /// Whether a JSON document is open (`is_json_context`).
    pub fn is_json(&self) -> bool {
        self.json.is_some()
    }

    fn json_ctx(&self, kind: Kind) -> bool {
        self.json.is_some() && matches!(kind, Kind::Json | Kind::Any)
    }

    fn fp_ctx(&self, kind: Kind) -> bool {
        self.json.is_none() && matches!(kind, Kind::Fp | Kind::Any)
    }

    /// Writes text to standard output as is (`fprintf(stdout, ...)`).
    pub fn fp(&mut self, s: &str) {
        self.out.out(s);
    }

    /// Writes text to standard error.
    pub fn err(&mut self, s: &str) {
        self.out.err(s);
    }

    /// Formats and writes text in a colour (`color_fprintf`).
    pub fn color_fp(&mut self, color: Color, fmt: &str, args: &[Arg]) {
        let text = format(fmt, args);
        match color.escape().filter(|_| self.color) {
            Some(esc) => {
                self.out.out(esc);
                self.out.out(&text);
                self.out.out(CLEAR);
            }
            None => self.out.out(&text),
        }
    }

    /// Opens a JSON document with an outer array when `json` is set
    /// (`new_json_obj`).
    pub fn new_json_obj(&mut self, json: bool) {
        self.new_json(json, true);
    }

    /// Opens a JSON document without an outer array (`new_json_obj_plain`).
    pub fn new_json_obj_plain(&mut self, json: bool) {
        self.new_json(json, false);
    }

    fn new_json(&mut self, json: bool, array: bool) {
        if json {
            let mut w = JsonWriter::new(self.pretty);
            if array {
                w.start_array(self.out);
            }
            self.json = Some(w);
        }
    }

    /// Closes the document opened by [`Printer::new_json_obj`].
    pub fn delete_json_obj(&mut self) {
        self.delete_json(true);
    }

    /// Closes the document opened by [`Printer::new_json_obj_plain`].
    pub fn delete_json_obj_plain(&mut self) {
        self.delete_json(false);
    }

    fn delete_json(&mut self, array: bool) {
        if let Some(mut w) = self.json.take() {
            if array {
                w.end_array(self.out);
            }
            w.finish(self.out);
        }
    }

    /// Opens an object, named when `key` is given (`open_json_object`).
    pub fn open_json_object(&mut self, key: Option<&str>) {
        if let Some(w) = self.json.as_mut() {
            if let Some(k) = key {
                w.name(self.out, k);
            }
            w.start_object(self.out);
        }
    }

    /// Closes an object (`close_json_object`).
    pub fn close_json_object(&mut self) {
        if let Some(w) = self.json.as_mut() {
            w.end_object(self.out);
        }
    }

    /// Opens an array named `s` in JSON, or prints `s` as a delimiter in
    /// text (`open_json_array`).
    pub fn open_json_array(&mut self, kind: Kind, s: Option<&str>) {
        if self.json_ctx(kind) {
            if let Some(w) = self.json.as_mut() {
                if let Some(k) = s {
                    w.name(self.out, k);
                }
                w.start_array(self.out);
            }
        } else if self.fp_ctx(kind) {
            if let Some(s) = s {
                self.out.out(s);
            }
        }
    }

    /// Closes an array, or prints `s` in text (`close_json_array`).
    pub fn close_json_array(&mut self, kind: Kind, s: Option<&str>) {
        if self.json_ctx(kind) {
            if let Some(w) = self.json.as_mut() {
                w.end_array(self.out);
            }
        } else if self.fp_ctx(kind) {
            if let Some(s) = s {
                self.out.out(s);
            }
        }
    }

    /// Writes a member name alone; the caller writes the value with
    /// [`Printer::json_raw`] (`jsonw_name`).
    pub fn json_name(&mut self, key: &str) {
        if let Some(w) = self.json.as_mut() {
            w.name(self.out, key);
        }
    }

    /// Writes a raw JSON value such as a number (`jsonw_printf`).
    pub fn json_raw(&mut self, text: &str) {
        if let Some(w) = self.json.as_mut() {
            w.raw(self.out, text);
        }
    }

    fn json_value(&mut self, key: Option<&str>, raw: &str) {
        if let Some(w) = self.json.as_mut() {
            if let Some(k) = key {
                w.name(self.out, k);
            }
            w.raw(self.out, raw);
        }
    }

    /// A line break in text output only (`print_nl`).
    pub fn print_nl(&mut self) {
        if self.json.is_none() {
            let sl = self.sl;
            self.out.out(sl);
        }
    }

    /// `print_color_string`: a string member, or `key` alone when `value`
    /// is None (the value then follows separately).
    pub fn print_color_string(&mut self, kind: Kind, color: Color, key: Option<&str>, fmt: &str, value: Option<&str>) {
        if self.json_ctx(kind) {
            if let Some(w) = self.json.as_mut() {
                match (key, value) {
                    (Some(k), None) => w.name(self.out, k),
                    (None, Some(v)) => w.string(self.out, v),
                    (Some(k), Some(v)) => {
                        w.name(self.out, k);
                        w.string(self.out, v);
                    }
                    (None, None) => w.string(self.out, ""),
                }
            }
        } else if self.fp_ctx(kind) {
            let args: Vec<Arg> = value.map(Arg::Str).into_iter().collect();
            self.color_fp(color, fmt, &args);
        }
    }

    /// `print_string`.
    pub fn print_string(&mut self, kind: Kind, key: Option<&str>, fmt: &str, value: Option<&str>) {
        self.print_color_string(kind, Color::None, key, fmt, value);
    }

    fn print_num(&mut self, kind: Kind, color: Color, key: Option<&str>, fmt: &str, json: &str, arg: Arg) {
        if self.json_ctx(kind) {
            self.json_value(key, json);
        } else if self.fp_ctx(kind) {
            self.color_fp(color, fmt, &[arg]);
        }
    }

    /// `print_uint`, `print_u64`, `print_luint`, `print_lluint`, `print_hu`
    /// and `print_hhu`: an unsigned number.
    pub fn print_uint(&mut self, kind: Kind, key: Option<&str>, fmt: &str, v: u64) {
        self.print_num(kind, Color::None, key, fmt, &v.to_string(), Arg::U(v));
    }

    /// `print_int` and `print_s64`: a signed number.
    pub fn print_int(&mut self, kind: Kind, key: Option<&str>, fmt: &str, v: i64) {
        self.print_num(kind, Color::None, key, fmt, &v.to_string(), Arg::I(v));
    }

    /// `print_color_uint`: an unsigned number in a colour.
    pub fn print_color_uint(&mut self, kind: Kind, color: Color, key: Option<&str>, fmt: &str, v: u64) {
        self.print_num(kind, color, key, fmt, &v.to_string(), Arg::U(v));
    }

    /// `print_float`: JSON uses `%g`.
    pub fn print_float(&mut self, kind: Kind, key: Option<&str>, fmt: &str, v: crate::decimal::Ratio) {
        let j = format("%g", &[Arg::F(v)]);
        self.print_num(kind, Color::None, key, fmt, &j, Arg::F(v));
    }

    /// `print_bool`: JSON true/false; text prints `fmt` with "true"/"false".
    pub fn print_bool(&mut self, kind: Kind, key: Option<&str>, fmt: &str, v: bool) {
        self.print_bool_str(kind, key, fmt, v, if v { "true" } else { "false" });
    }

    /// `print_on_off`: JSON true/false; text prints `fmt` with "on"/"off".
    pub fn print_on_off(&mut self, kind: Kind, key: Option<&str>, fmt: &str, v: bool) {
        self.print_bool_str(kind, key, fmt, v, if v { "on" } else { "off" });
    }

    fn print_bool_str(&mut self, kind: Kind, key: Option<&str>, fmt: &str, v: bool, s: &str) {
        if self.json_ctx(kind) {
            self.json_value(key, if v { "true" } else { "false" });
        } else if self.fp_ctx(kind) {
            self.color_fp(Color::None, fmt, &[Arg::Str(s)]);
        }
    }

    /// `print_null`: JSON null; text prints `fmt` with `value`.
    pub fn print_null(&mut self, kind: Kind, key: Option<&str>, fmt: &str, value: Option<&str>) {
        if self.json_ctx(kind) {
            self.json_value(key, "null");
        } else if self.fp_ctx(kind) {
            let args: Vec<Arg> = value.map(Arg::Str).into_iter().collect();
            self.color_fp(Color::None, fmt, &args);
        }
    }

    /// `print_hex`: JSON gets the value as a `%x` string.
    pub fn print_hex(&mut self, kind: Kind, key: Option<&str>, fmt: &str, v: u32) {
        if self.json_ctx(kind) {
            let s = format!("{v:x}");
            if let Some(w) = self.json.as_mut() {
                if let Some(k) = key {
                    w.name(self.out, k);
                }
                w.string(self.out, &s);
            }
        } else if self.fp_ctx(kind) {
            self.color_fp(Color::None, fmt, &[Arg::U(u64::from(v))]);
        }
    }

    /// `print_0xhex`: JSON gets the value as a `%#llx` string.
    pub fn print_0xhex(&mut self, kind: Kind, key: Option<&str>, fmt: &str, v: u64) {
        if self.json_ctx(kind) {
            let s = format("%#llx", &[Arg::U(v)]);
            self.print_string(Kind::Json, key, "", Some(&s));
        } else if self.fp_ctx(kind) {
            self.color_fp(Color::None, fmt, &[Arg::U(v)]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_json_from_one_call_sequence() {
        fn fields(p: &mut Printer) {
            p.open_json_object(None);
            p.print_int(Kind::Any, Some("ifindex"), "%d: ", 1);
            p.print_color_string(Kind::Any, Color::Ifname, Some("ifname"), "%s: ", Some("lo"));
            p.open_json_array(Kind::Any, Some(if p.is_json() { "flags" } else { "<" }));
            p.print_string(Kind::Any, None, "%s,", Some("LOOPBACK"));
            p.print_string(Kind::Any, None, "%s", Some("UP"));
            p.close_json_array(Kind::Any, Some("> "));
            p.print_uint(Kind::Any, Some("mtu"), "mtu %u ", 65536);
            p.print_string(Kind::Fp, None, "%s", Some("\n"));
            p.close_json_object();
        }
        let mut o = Output::new();
        let mut p = Printer::new(&mut o);
        fields(&mut p);
        assert_eq!(o.stdout(), "1: lo: <LOOPBACK,UP> mtu 65536 \n");

        let mut o = Output::new();
        let mut p = Printer::new(&mut o);
        p.new_json_obj(true);
        fields(&mut p);
        p.delete_json_obj();
        assert_eq!(o.stdout(), "[{\"ifindex\":1,\"ifname\":\"lo\",\"flags\":[\"LOOPBACK\",\"UP\"],\"mtu\":65536}]\n");
    }

    #[test]
    fn colour_wraps_the_formatted_field() {
        let mut o = Output::new();
        let mut p = Printer::new(&mut o);
        p.set_color(true);
        p.print_color_string(Kind::Any, Color::Ifname, Some("ifname"), "%s: ", Some("lo"));
        p.print_string(Kind::Any, Some("x"), "%s ", Some("plain"));
        assert_eq!(o.stdout(), "\x1b[36mlo: \x1b[0mplain ");
    }

    #[test]
    fn hex_forms() {
        let mut o = Output::new();
        let mut p = Printer::new(&mut o);
        p.new_json_obj_plain(true);
        p.open_json_object(None);
        p.print_0xhex(Kind::Any, Some("id"), "port_id %#llx ", 0x8001);
        p.print_hex(Kind::Any, Some("f"), "%x", 0x10000);
        p.print_null(Kind::Json, Some("link"), "", None);
        p.close_json_object();
        p.delete_json_obj_plain();
        assert_eq!(o.stdout(), "{\"id\":\"0x8001\",\"f\":\"10000\",\"link\":null}\n");
    }
}
