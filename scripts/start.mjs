// `npm start`: serves the page (www/) with Vite's dev server, prints its
// address, and opens it in a browser where there is one: a desktop session
// on Linux (DISPLAY or WAYLAND_DISPLAY set, with xdg-open), macOS (`open`)
// or Windows (`start`). Without one (a server, CI, a container) it only
// prints the address; a browser that fails to start never stops the server.
//
//   node scripts/start.mjs [--no-open] [--port N] [--host ADDR]
import { spawn } from "node:child_process";
import { pathToFileURL } from "node:url";
import { createServer } from "vite";

/** The command that opens `url` in a browser here, or null when there is none. */
export function browserCommand(url, env = process.env, platform = process.platform) {
  if (env.CI || env.BROWSER === "none") return null;
  if (env.BROWSER) return [env.BROWSER, [url]];
  if (platform === "darwin") return ["open", [url]];
  if (platform === "win32") return ["cmd", ["/c", "start", "", url]];
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return ["xdg-open", [url]];
  return null;
}

/** Starts `cmd` detached; any failure (no such program) is only reported. */
function openBrowser(url) {
  const cmd = browserCommand(url);
  if (!cmd) return;
  try {
    const child = spawn(cmd[0], cmd[1], { stdio: "ignore", detached: true });
    child.on("error", (e) => console.log(`  (could not open a browser: ${e.message})`));
    child.unref();
  } catch (e) {
    console.log(`  (could not open a browser: ${e.message})`);
  }
}

function option(args, name) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args) {
  const port = option(args, "--port");
  const host = option(args, "--host");
  const server = await createServer({
    server: { ...(port ? { port: Number(port) } : {}), ...(host ? { host } : {}), open: false },
  });
  await server.listen();
  const urls = server.resolvedUrls ?? { local: [], network: [] };
  const url = urls.local[0] ?? `http://localhost:${server.config.server.port}/`;
  console.log(`iplab is at ${url}`);
  for (const u of urls.network) console.log(`  also at ${u}`);
  console.log("  (Ctrl-C stops the server)");
  if (!args.includes("--no-open")) openBrowser(url);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(`npm start: ${e.message ?? e}`);
    process.exit(1);
  });
}
