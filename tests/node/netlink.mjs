// Small netlink helpers shared by the Node tests: build requests, read
// headers and attributes (native endianness is little-endian everywhere
// these tests run).

export const RTM_NEWLINK = 16;
export const RTM_GETLINK = 18;
export const NLMSG_ERROR = 2;
export const NLMSG_DONE = 3;
export const NLM_F_REQUEST = 0x1;
export const NLM_F_MULTI = 0x2;
export const NLM_F_DUMP = 0x300;

/** An RTM_GETLINK dump request with an ifinfomsg body. */
export function getlinkDump(seq) {
  const buf = new Uint8Array(32);
  const v = new DataView(buf.buffer);
  v.setUint32(0, 32, true);
  v.setUint16(4, RTM_GETLINK, true);
  v.setUint16(6, NLM_F_REQUEST | NLM_F_DUMP, true);
  v.setUint32(8, seq, true);
  v.setUint32(12, 0, true);
  return buf;
}

/** The nlmsghdr fields of one message. */
export function header(msg) {
  const v = new DataView(msg.buffer, msg.byteOffset, msg.byteLength);
  return {
    len: v.getUint32(0, true),
    type: v.getUint16(4, true),
    flags: v.getUint16(6, true),
    seq: v.getUint32(8, true),
    pid: v.getUint32(12, true),
  };
}

/** The top-level attributes of an RTM_*LINK message: Map type -> bytes. */
export function linkAttrs(msg) {
  const v = new DataView(msg.buffer, msg.byteOffset, msg.byteLength);
  const out = new Map();
  let pos = 16 + 16;
  while (pos + 4 <= msg.byteLength) {
    const len = v.getUint16(pos, true);
    const type = v.getUint16(pos + 2, true) & 0x3fff;
    if (len < 4 || pos + len > msg.byteLength) break;
    out.set(type, msg.subarray(pos + 4, pos + len));
    pos += (len + 3) & ~3;
  }
  return out;
}

/** A NUL-terminated string attribute. */
export function str(bytes) {
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end));
}
