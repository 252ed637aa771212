//! `-x`, `-xx`, `-X`, `-XX` and `-A`: a frame's bytes under its line, in
//! hex (print-ascii.c `hex_print_with_offset`), hex beside ASCII
//! (`hex_and_ascii_print_with_offset`), sixteen bytes a line, or as text
//! (`ascii_print`).

use crate::sim::capture::Frame;

/// Bytes a line shows.
const PER_LINE: usize = 16;
/// Width of a line's hex column with `-X` (`HEXDUMP_HEXSTUFF_PER_LINE`).
const HEX_WIDTH: usize = 40;

/// Which dump the options ask for: `xflag`/`Xflag` counts as tcpdump keeps
/// them (`-X` wins; twice means the link-layer header too).
#[derive(Debug, Clone, Copy, Default)]
pub struct Dump {
    /// How many times `-x` was given.
    pub hex: u8,
    /// How many times `-X` was given.
    pub ascii: u8,
    /// `-A`: the bytes past the link-layer header as text (`ascii_print`).
    pub text: bool,
}

impl Dump {
    /// Whether any dump is asked for.
    pub fn any(self) -> bool {
        self.hex > 0 || self.ascii > 0 || self.text
    }

    /// The lines to print after a frame's summary (each starting with a
    /// new line and a tab), from the link-layer header of `len` bytes or
    /// past it (`pretty_print_packet`).
    pub fn render(self, link: &[u8], rest: &[u8]) -> String {
        if self.ascii == 0 && self.hex == 0 && self.text {
            return text(rest);
        }
        let twice = if self.ascii > 0 { self.ascii > 1 } else { self.hex > 1 };
        let bytes: Vec<u8> = if twice { link.iter().chain(rest).copied().collect() } else { rest.to_vec() };
        let mut s = String::new();
        for (n, line) in bytes.chunks(PER_LINE).enumerate() {
            let hex: String =
                line.chunks(2).map(|p| p.iter().map(|b| format!("{b:02x}")).collect::<String>()).map(|g| format!(" {g}")).collect();
            s.push_str(&format!("\n\t0x{:04x}: ", n * PER_LINE));
            if self.ascii > 0 {
                let text: String = line.iter().map(|&b| if (0x20..0x7f).contains(&b) { b as char } else { '.' }).collect();
                s.push_str(&format!("{hex:<HEX_WIDTH$}  {text}"));
            } else {
                s.push_str(&hex);
            }
        }
        s
    }
}

/// `ascii_print`: a new line, then every byte that is graphic, a space, a
/// tab or a new line as itself and any other as `.` (a CR only when no
/// LF follows it).
fn text(bytes: &[u8]) -> String {
    let mut s = String::from("\n");
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\r' {
            if bytes.get(i + 1) != Some(&b'\n') {
                s.push('.');
            }
        } else if b.is_ascii_graphic() || matches!(b, b'\t' | b' ' | b'\n') {
            s.push(b as char);
        } else {
            s.push('.');
        }
    }
    s
}

/// The Linux cooked v2 header of a frame captured on `any` (`struct
/// sll2_header`): protocol, ifindex, ARPHRD_ETHER, the packet type and
/// the sender's address.
pub fn sll2_header(fr: &Frame, ethertype: [u8; 2]) -> Vec<u8> {
    let pkttype = if fr.outgoing {
        4
    } else if fr.dst == [0xff; 6] {
        1
    } else if fr.dst[0] & 1 != 0 {
        2
    } else {
        0
    };
    let mut h = Vec::with_capacity(20);
    h.extend(ethertype);
    h.extend([0, 0]);
    h.extend(fr.ifindex.to_be_bytes());
    h.extend([0, 1, pkttype, 6]);
    h.extend(fr.src);
    h.extend([0, 0]);
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_sixteen_with_padded_ascii() {
        let rest: Vec<u8> = (0x41..0x41 + 20).collect();
        let x = Dump { hex: 1, ..Dump::default() }.render(&[0xff; 2], &rest);
        assert_eq!(x, "\n\t0x0000:  4142 4344 4546 4748 494a 4b4c 4d4e 4f50\n\t0x0010:  5152 5354");
        let xx = Dump { ascii: 2, ..Dump::default() }.render(&[0xff], &rest[..2]);
        assert_eq!(xx, format!("\n\t0x0000:  ff41 42{}  .AB", " ".repeat(32)));
        let a = Dump { text: true, ..Dump::default() }.render(&[0xff], b"GET /\r\n\x01\r");
        assert_eq!(a, "\nGET /\n..");
    }
}
