//! A streaming JSON writer with iproute2's exact layout (lib/json_writer.c):
//! compact by default; with `-p`, four-space indentation, `[ {` openings,
//! `} ]` closings and a space after each colon. Output is written as it is
//! produced, so it interleaves with error messages as iproute2's does.

use crate::output::Output;

/// The writer's state; each call writes to the given output.
#[derive(Debug, Clone, Default)]
pub struct JsonWriter {
    depth: usize,
    pretty: bool,
    /// Pending separator: none at the start of a container, `,` after a value.
    comma: bool,
}

impl JsonWriter {
    /// A writer at depth 0; `pretty` selects the indented layout.
    pub fn new(pretty: bool) -> Self {
        JsonWriter { depth: 0, pretty, comma: false }
    }

    fn indent(&self, o: &mut Output) {
        o.out(&"    ".repeat(self.depth));
    }

    fn eol(&self, o: &mut Output) {
        if self.pretty {
            o.out("\n");
            self.indent(o);
        }
    }

    fn eor(&mut self, o: &mut Output) {
        if self.comma {
            o.out(",");
        }
        self.comma = true;
    }

    fn begin(&mut self, o: &mut Output, c: &str) {
        self.eor(o);
        o.out(c);
        self.depth += 1;
        self.comma = false;
    }

    fn end(&mut self, o: &mut Output, c: &str) {
        self.depth = self.depth.saturating_sub(1);
        if self.comma {
            self.eol(o);
        }
        o.out(c);
        self.comma = true;
    }

    /// Writes an object member name (`jsonw_name`).
    pub fn name(&mut self, o: &mut Output, name: &str) {
        self.eor(o);
        self.eol(o);
        self.comma = false;
        o.out(&quote(name));
        o.out(if self.pretty { ": " } else { ":" });
    }

    /// Writes a raw value such as a number (`jsonw_printf`).
    pub fn raw(&mut self, o: &mut Output, text: &str) {
        self.eor(o);
        o.out(text);
    }

    /// Writes a string value (`jsonw_string`).
    pub fn string(&mut self, o: &mut Output, s: &str) {
        self.eor(o);
        o.out(&quote(s));
    }

    /// Opens an object (`jsonw_start_object`).
    pub fn start_object(&mut self, o: &mut Output) {
        self.begin(o, "{");
    }

    /// Closes an object (`jsonw_end_object`).
    pub fn end_object(&mut self, o: &mut Output) {
        self.end(o, "}");
    }

    /// Opens an array (`jsonw_start_array`).
    pub fn start_array(&mut self, o: &mut Output) {
        self.begin(o, "[");
        if self.pretty {
            o.out(" ");
        }
    }

    /// Closes an array (`jsonw_end_array`).
    pub fn end_array(&mut self, o: &mut Output) {
        if self.pretty && self.comma {
            o.out(" ");
        }
        self.comma = false;
        self.end(o, "]");
    }

    /// Ends the document with a newline (`jsonw_destroy`).
    pub fn finish(&mut self, o: &mut Output) {
        o.out("\n");
    }
}

/// A JSON string literal escaped as `jsonw_puts` does (only `\t \n \r \f
/// \b \\ "` are escaped; other bytes pass through).
pub fn quote(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '\t' => q.push_str("\\t"),
            '\n' => q.push_str("\\n"),
            '\r' => q.push_str("\\r"),
            '\x0c' => q.push_str("\\f"),
            '\x08' => q.push_str("\\b"),
            '\\' => q.push_str("\\\\"),
            '"' => q.push_str("\\\""),
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(pretty: bool) -> String {
        let mut o = Output::new();
        let mut w = JsonWriter::new(pretty);
        w.start_array(&mut o);
        w.start_object(&mut o);
        w.name(&mut o, "ifindex");
        w.raw(&mut o, "1");
        w.name(&mut o, "flags");
        w.start_array(&mut o);
        w.string(&mut o, "LOOPBACK");
        w.string(&mut o, "UP");
        w.end_array(&mut o);
        w.name(&mut o, "addr_info");
        w.start_array(&mut o);
        w.end_array(&mut o);
        w.name(&mut o, "stats");
        w.start_object(&mut o);
        w.end_object(&mut o);
        w.end_object(&mut o);
        w.end_array(&mut o);
        w.finish(&mut o);
        o.stdout()
    }

    #[test]
    fn compact_layout() {
        assert_eq!(sample(false), "[{\"ifindex\":1,\"flags\":[\"LOOPBACK\",\"UP\"],\"addr_info\":[],\"stats\":{}}]\n");
    }

    #[test]
    fn pretty_layout_matches_iproute2() {
        let expected = "[ {\n        \"ifindex\": 1,\n        \"flags\": [ \"LOOPBACK\",\"UP\" ],\n        \"addr_info\": [ ],\n        \"stats\": {}\n    } ]\n";
        assert_eq!(sample(true), expected);
    }

    #[test]
    fn empty_array() {
        let mut o = Output::new();
        let mut w = JsonWriter::new(false);
        w.start_array(&mut o);
        w.end_array(&mut o);
        w.finish(&mut o);
        assert_eq!(o.stdout(), "[]\n");
    }

    #[test]
    fn escapes() {
        assert_eq!(quote("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
    }
}
