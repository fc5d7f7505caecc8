// `node test/bench/traceSpans.mjs FILE.json [PREFIX]`: where each kind of span of a traced
// bench run went, thread by thread (`npm run bench -- --only apply --trace FILE`: spans
// `apply raw` and `apply real`, one per page; the default PREFIX is `apply `). For each
// span name: every thread's time in tasks within the spans (nested tasks counted once;
// on a busy 2-core machine a task's time includes the time it waited for a core), the
// browser's tasks by where they were posted from (IndexedDB's sequence, LevelDB's
// compactions), and the named trace events that took the most of it.
import { readTrace } from './traceFile.mjs';

const [file, prefix = 'apply '] = process.argv.slice(2);
if (!file) {
  console.error('usage: node test/bench/traceSpans.mjs FILE.json [PREFIX]');
  process.exit(2);
}
const { events, where: thread, processOf, spans: spansNamed } = readTrace(file);
const where = (e) => `${thread(e)}#${e.tid}`;
const isTask = (e) =>
  e.ph === 'X' &&
  e.dur > 0 &&
  ['ThreadControllerImpl::RunTask', 'ThreadPool_RunTask'].includes(e.name);
const spans = spansNamed(prefix);

const ms = (us) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
for (const name of [...new Set(spans.map((s) => s.name))].sort()) {
  const list = spans.filter((s) => s.name === name);
  const within = (from, to) =>
    list.reduce((t, s) => t + Math.max(0, Math.min(to, s.to) - Math.max(from, s.from)), 0);
  const tasks = new Map();
  const bySource = new Map();
  const named = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !(e.dur > 0)) continue;
    const t = within(e.ts, e.ts + e.dur);
    if (t <= 0) continue;
    if (isTask(e)) {
      const k = where(e);
      tasks.set(k, [...(tasks.get(k) ?? []), [e.ts, e.ts + e.dur]]);
      if (processOf(e) === 'Browser') {
        const source = `${where(e)} ${e.args?.src_func ?? ''} ${e.args?.src_file ?? ''}`;
        bySource.set(source, (bySource.get(source) ?? 0) + t);
      }
    } else {
      const k = `${where(e)} ${e.name}`;
      named.set(k, (named.get(k) ?? 0) + t);
    }
  }
  const busy = [...tasks].map(([thread, intervals]) => {
    intervals.sort((a, b) => a[0] - b[0]);
    let total = 0;
    let [from, to] = intervals[0];
    for (const [a, b] of intervals.slice(1)) {
      if (a <= to) to = Math.max(to, b);
      else {
        total += within(from, to);
        [from, to] = [a, b];
      }
    }
    return [thread, total + within(from, to)];
  });
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
  const spanned = list.reduce((t, s) => t + s.to - s.from, 0);
  console.log(`\n== ${name}: ${list.length} spans, ${ms(spanned).trim()}`);
  console.log('threads (time in tasks):');
  for (const [k, v] of top(new Map(busy), 8)) console.log(`  ${ms(v)}  ${k}`);
  console.log("the browser's tasks, by where they were posted from:");
  for (const [k, v] of top(bySource, 8)) console.log(`  ${ms(v)}  ${k}`);
  console.log('named events:');
  for (const [k, v] of top(named, 15)) console.log(`  ${ms(v)}  ${k}`);
}
