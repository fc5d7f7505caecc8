// A Chrome trace written by a bench's `--trace FILE` (cpuProfile.ts traceDuring), read for
// traceSlow.mjs and traceSpans.mjs: its events, where each ran (`process:thread`), and the
// page's spans (performance.measure) whose names start with a prefix.
import { readFileSync } from 'node:fs';

export function readTrace(file) {
  const trace = JSON.parse(readFileSync(file, 'utf8'));
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const threadName = new Map();
  const processName = new Map();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'thread_name') threadName.set(`${e.pid}/${e.tid}`, e.args.name);
    if (e.name === 'process_name') processName.set(e.pid, e.args.name);
  }
  const processOf = (e) => processName.get(e.pid) ?? String(e.pid);
  const where = (e) => `${processOf(e)}:${threadName.get(`${e.pid}/${e.tid}`) ?? e.tid}`;
  /** The spans named `prefix…`, begin and end matched in order per name, by start. */
  const spans = (prefix) => {
    const open = new Map();
    const found = [];
    for (const e of events) {
      if (e.cat !== 'blink.user_timing' || !e.name.startsWith(prefix)) continue;
      if (e.ph === 'b') open.set(e.name, e.ts);
      else if (e.ph === 'e' && open.has(e.name)) {
        found.push({ name: e.name, from: open.get(e.name), to: e.ts });
        open.delete(e.name);
      }
    }
    return found.sort((a, b) => a.from - b.from);
  };
  return { events, where, processOf, spans };
}
