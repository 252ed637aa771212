// `watch [-n SECS] [-t] [-c] COMMAND...` for the page (procps-ng 4.0.2's
// watch): the line's words, the title line, and the usage text. Pure
// functions; main.js runs the command every interval until Ctrl-C.

/** What `watch` prints with no command or a bad option (to stderr, status 1). */
export const USAGE = `
Usage:
 watch [options] command

Options:
  -b, --beep             beep if command has a non-zero exit
  -c, --color            interpret ANSI color and style sequences
  -d, --differences[=<permanent>]
                         highlight changes between updates
  -e, --errexit          exit if command has a non-zero exit
  -g, --chgexit          exit when output from command changes
  -q, --equexit <cycles>
                         exit when output from command does not change
  -n, --interval <secs>  seconds to wait between updates
  -p, --precise          attempt run command in precise intervals
  -t, --no-title         turn off header
  -w, --no-wrap          turn off line wrapping
  -x, --exec             pass command to exec instead of "sh -c"

 -h, --help     display this help and exit
 -v, --version  output version information and exit

For more details see watch(1).
`;

/** Splits a line into words as a shell does (quotes and backslashes). */
export function words(line) {
  const out = [];
  let cur = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (/\s/.test(c)) {
      if (cur !== null) out.push(cur);
      cur = null;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return null;
      cur = (cur ?? "") + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let s = "";
      for (i++; i < line.length && line[i] !== '"'; i++) s += line[i] === "\\" && /["\\$`]/.test(line[i + 1] ?? "") ? line[++i] : line[i];
      if (i >= line.length) return null;
      cur = (cur ?? "") + s;
    } else if (c === "\\" && i + 1 < line.length) {
      cur = (cur ?? "") + line[++i];
    } else {
      cur = (cur ?? "") + c;
    }
  }
  if (cur !== null) out.push(cur);
  return out;
}

/**
 * Parses `watch ...`: `{ command, interval, title, color }`, or `{ error }`
 * with what watch prints to stderr. The command is the remaining words
 * joined by spaces (watch runs it with `sh -c`).
 */
export function parseWatch(line) {
  const w = words(line);
  if (!w || w[0] !== "watch") return { error: "watch: unmatched quote\n" };
  const opts = { interval: 2, title: true, color: false };
  let i = 1;
  for (; i < w.length; i++) {
    const a = w[i];
    if (a === "--") {
      i++;
      break;
    }
    if (!a.startsWith("-") || a === "-") break;
    let value = null;
    if (a === "-n" || a === "--interval") {
      value = w[++i];
      if (value === undefined) return { error: `watch: option requires an argument -- 'n'\n${USAGE}` };
    } else if (a.startsWith("--interval=")) value = a.slice(11);
    else if (/^-n./.test(a)) value = a.slice(2);
    else if (a === "-t" || a === "--no-title") opts.title = false;
    else if (a === "-c" || a === "--color") opts.color = true;
    else if (/^-[tc]+$/.test(a)) {
      if (a.includes("t")) opts.title = false;
      if (a.includes("c")) opts.color = true;
    } else if (a === "-h" || a === "--help") return { help: USAGE.slice(1) };
    else return { error: `watch: invalid option -- '${a.replace(/^-+/, "")[0]}'\n${USAGE}` };
    if (value !== null) {
      const n = Number(value);
      if (!/^\d*\.?\d+$/.test(value) || !Number.isFinite(n)) return { error: `watch: failed to parse argument: '${value}': Invalid argument\n` };
      opts.interval = Math.max(0.1, n);
    }
  }
  if (i >= w.length) return { error: USAGE };
  return { ...opts, command: w.slice(i).join(" ") };
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A date as ctime writes it: `Sun Dec  6 22:00:30 2026`. */
export function ctime(d) {
  const two = (n) => String(n).padStart(2, "0");
  return `${DAYS[d.getDay()]} ${MONTHS[d.getMonth()]} ${String(d.getDate()).padStart(2, " ")} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())} ${d.getFullYear()}`;
}

/**
 * The title line as procps-ng 4.0.2's `output_header` lays it out:
 * `Every 1.0s: ` and the command on the left, `HOST: DATE` at the right
 * edge (its length counts ctime's newline, so one column stays free); a
 * command that does not fit is cut and followed by `... `, and a terminal
 * too narrow for both shows only the right part.
 */
export function title(command, interval, host, date, cols) {
  const header = `Every ${interval.toFixed(1)}s: `;
  const right = `${host}: ${ctime(date)}`;
  const hlen = header.length;
  const rhlen = right.length + 1;
  if (cols < rhlen) return "";
  const line = Array(cols).fill(" ");
  const put = (at, s) => {
    for (let i = 0; i < s.length; i++) if (at + i >= 0 && at + i < cols) line[at + i] = s[i];
  };
  if (rhlen + hlen + 1 <= cols) {
    put(0, header);
    if (rhlen + hlen + 2 <= cols) {
      if (cols < rhlen + hlen + 4) {
        put(cols - rhlen - 4, "... ");
      } else if (cols < rhlen + hlen + command.length) {
        const available = cols - rhlen - hlen;
        let n = command.length;
        while (available - 4 < n) n--;
        put(hlen, command.slice(0, n));
        put(cols - rhlen - 4, "... ");
      } else {
        put(hlen, command);
      }
    }
  }
  put(cols - rhlen + 1, right);
  return line.join("").trimEnd();
}
