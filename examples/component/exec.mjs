// The WIT component (wit/iplab.wit) from Node, transpiled by jco: a world
// made through `exec`, then its snapshot restored into a second world.
//
//   npm run build:component && node examples/component/exec.mjs
import { rtnetlink } from "../../target/component/js/iplab.js";

const world = new rtnetlink.World();
for (const line of ["ip link add br0 type bridge", "ip link set br0 up", "ip -br link"]) {
  const { stdout, stderr, status } = world.exec(line);
  process.stdout.write(`$ ${line}\n${stdout}${stderr}`);
  if (status !== 0) process.exit(status);
}
const copy = rtnetlink.World.restore(world.snapshot());
process.stdout.write(copy.exec("ip -br link show br0").stdout);
