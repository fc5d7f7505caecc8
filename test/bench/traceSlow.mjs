// `node test/bench/traceSlow.mjs FILE.json [MIN_MS]`: what else ran while the slow samples of
// a traced grid run (`npm run bench -- --only grid --trace FILE`, cpuProfile.ts traceDuring)
// waited. Each sample is a span `grid <row>` (`… SLOW` over 12 ms). For the slow spans and,
// as the control, the others: every complete event of any thread over MIN_MS (default 1)
// that overlaps a span, by thread and name — its count and the time it overlapped, per span.
// What the slow spans have and the others lack is what held them up.
import { readTrace } from './traceFile.mjs';

const [file, minArg = '1'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node test/bench/traceSlow.mjs FILE.json [MIN_MS]');
  process.exit(2);
}
const minUs = Number(minArg) * 1000;
const { events, where, spans: spansNamed } = readTrace(file);

// The sample spans.
const spans = spansNamed('grid ');
const slow = spans.filter((s) => s.name.endsWith(' SLOW'));
const fast = spans.filter((s) => !s.name.endsWith(' SLOW'));

// Complete events (and begin/end pairs of the same thread) worth a look.
const stacks = new Map();
const complete = [];
for (const e of events) {
  if (e.cat === 'blink.user_timing') continue;
  if (e.ph === 'X' && (e.dur ?? 0) >= minUs) complete.push({ ...e, end: e.ts + e.dur });
  else if (e.ph === 'B') {
    const key = `${e.pid}/${e.tid}`;
    if (!stacks.has(key)) stacks.set(key, []);
    stacks.get(key).push(e);
  } else if (e.ph === 'E') {
    const began = stacks.get(`${e.pid}/${e.tid}`)?.pop();
    if (began && e.ts - began.ts >= minUs) complete.push({ ...began, end: e.ts });
  }
}
complete.sort((a, b) => a.ts - b.ts);

function overlaps(group) {
  const by = new Map();
  for (const s of group) {
    for (const e of complete) {
      if (e.ts >= s.to) break;
      if (e.end <= s.from) continue;
      const key = `${where(e)}  ${e.cat} | ${e.name}`;
      const got = by.get(key) ?? { count: 0, us: 0 };
      got.count += 1;
      got.us += Math.min(e.end, s.to) - Math.max(e.ts, s.from);
      by.set(key, got);
    }
  }
  return [...by.entries()]
    .map(([key, v]) => ({ key, perSpan: v.us / 1000 / Math.max(1, group.length), count: v.count }))
    .sort((a, b) => b.perSpan - a.perSpan)
    .slice(0, 25);
}

const ms = (us) => (us / 1000).toFixed(1);
const start = spans[0]?.from ?? 0;
console.log(`${spans.length} samples, ${slow.length} slow (over 12 ms)`);
for (const s of slow)
  console.log(`  at ${ms(s.from - start)} ms: ${s.name} ${ms(s.to - s.from)} ms`);
for (const [label, group] of [
  ['the slow', slow],
  ['the others', fast],
]) {
  console.log(`\noverlapping ${label} samples (ms per sample, events):`);
  for (const row of overlaps(group))
    console.log(
      `  ${row.perSpan.toFixed(2).padStart(7)}  ${String(row.count).padStart(5)}  ${row.key}`,
    );
}
