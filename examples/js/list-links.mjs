// The npm package from Node: a world, a veth pair made with `exec`, and the
// links listed through a NETLINK_ROUTE socket in raw bytes.
//
//   npm run build:pkg && node examples/js/list-links.mjs
import { World } from "../../pkg/node.js";

const world = new World();
const made = world.exec("ip link add v0 type veth peer name v1");
if (made.status !== 0) throw new Error(made.stderr);
console.log(world.exec("ip -br link").stdout);

// RTM_GETLINK (18) with NLM_F_REQUEST | NLM_F_DUMP, then a 16-byte ifinfomsg.
const request = new Uint8Array(32);
const view = new DataView(request.buffer);
view.setUint32(0, 32, true);
view.setUint16(4, 18, true);
view.setUint16(6, 0x301, true);
view.setUint32(8, 1, true);

const sock = world.socket();
for (const reply of sock.send(request)) {
  const message = world.decode(reply).messages[0];
  const name = message.attributes?.find((a) => a.name === "IFLA_IFNAME");
  console.log(message.typeName, name ? name.value : "");
}
sock.free();
world.free();
