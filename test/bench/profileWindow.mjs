// `node test/bench/profileWindow.mjs FILE.cpuprofile [FROM_MS TO_MS [TOP]]`: where a window
// of a CPU profile (a bench row's `--profile FILE`, cpuProfile.ts) went — self and total
// time by function, the heaviest first — and, first, every stretch of the main thread
// busy for over 150 ms (the stalls to look into). FROM and TO count from the profile's
// start; a negative FROM counts back from its end (`-3000 0`: the last three seconds).
import { readFileSync } from 'node:fs';

const [file, fromArg = '0', toArg = '0', topArg = '25'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node test/bench/profileWindow.mjs FILE FROM_MS TO_MS [TOP]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Sample times (µs from the start) from the deltas.
const times = [];
let t = 0;
for (const d of profile.timeDeltas) times.push((t += d));
const endMs = (profile.endTime - profile.startTime) / 1000;
const from = Number(fromArg) < 0 ? endMs + Number(fromArg) : Number(fromArg);
const to = Number(toArg) <= 0 ? endMs + Number(toArg) : Number(toArg);

// Every stretch busy (not idle) for over 150 ms, as [start ms, length ms].
const stretches = [];
let busyFrom = null;
let busyTo = 0;
profile.samples.forEach((id, i) => {
  const at = times[i] / 1000;
  if (nodes.get(id).callFrame.functionName !== '(idle)') {
    busyFrom ??= at;
    busyTo = at;
  } else {
    if (busyFrom !== null && busyTo - busyFrom > 150) stretches.push([busyFrom, busyTo - busyFrom]);
    busyFrom = null;
  }
});
console.log(
  `busy over 150 ms at (start ms, length ms): ${stretches.map(([a, l]) => `${a.toFixed(0)}+${l.toFixed(0)}`).join(', ') || 'none'}`,
);

const label = (n) => {
  const f = n.callFrame;
  const where = f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : '';
  return `${f.functionName || '(anonymous)'} ${where}`.trim();
};
const self = new Map();
const total = new Map();
let counted = 0;
for (let i = 0; i < profile.samples.length; i += 1) {
  const at = times[i] / 1000;
  if (at < from || at > to) continue;
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  counted += dt;
  let id = profile.samples[i];
  const leaf = label(nodes.get(id));
  self.set(leaf, (self.get(leaf) ?? 0) + dt);
  const seen = new Set();
  while (id !== undefined) {
    const name = label(nodes.get(id));
    if (!seen.has(name)) {
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + dt);
    }
    id = parent.get(id);
  }
}
const top = Number(topArg);
const show = (title, map) => {
  console.log(`\n${title}`);
  for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${ms.toFixed(1).padStart(10)} ms  ${name}`);
  }
};
console.log(
  `${file}: ${endMs.toFixed(0)} ms profiled; window ${from.toFixed(0)}–${to.toFixed(0)} ms, ${counted.toFixed(0)} ms of samples`,
);
show('self time', self);
show('total time (with callees)', total);
