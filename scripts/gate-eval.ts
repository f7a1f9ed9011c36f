// `npm run gate:eval`: how often the quality gate agrees with the labels, per
// category, on the project's own labelled set (test/fixtures/gate/), on the
// independently written sets (test/fixtures/gate/independent*/), and, when the
// file exists, on the development corpus beside the clone
// (../shared/gate/dev-corpus.json, or GATE_DEV_CORPUS). `--verbose` lists
// every miss with the facts behind it; `--only <category>` narrows that.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchGate } from '../bench/gate.ts';
import { loadLabelled, runGate, type LabelledItem } from './gate-data.ts';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

function report(title: string, items: LabelledItem[]): void {
  const byCat = new Map<string, { n: number; right: number }>();
  const misses: string[] = [];
  for (const item of items) {
    const verdict = runGate(item, items);
    const passed = Object.keys(verdict.errors).length === 0;
    const right = passed === (item.label === 'good');
    const c = byCat.get(item.category) ?? { n: 0, right: 0 };
    c.n++;
    if (right) c.right++;
    byCat.set(item.category, c);
    if (!right && verbose && (!only || item.category === only)) {
      misses.push(`  ✗ ${item.id}: ${passed ? 'passed' : Object.entries(verdict.errors).map(([k, v]) => `${k}: ${v.slice(0, 90)}`).join(' | ')}\n      ${verdict.facts.join(' ')}`);
    }
  }
  const rows = [...byCat.entries()].sort(([a], [b]) => a.localeCompare(b));
  const total = rows.reduce((s, [, c]) => ({ n: s.n + c.n, right: s.right + c.right }), { n: 0, right: 0 });
  console.log(`\n${title} (${items.length} requests)`);
  console.log('| category | right | of | % |\n|---|---|---|---|');
  for (const [cat, c] of rows) console.log(`| ${cat} | ${c.right} | ${c.n} | ${Math.round((100 * c.right) / c.n)} % |`);
  console.log(`| **all** | ${total.right} | ${total.n} | ${Math.round((100 * total.right) / Math.max(1, total.n))} % |`);
  if (misses.length) console.log(misses.join('\n'));
}

const own = loadLabelled(resolve(root, 'test/fixtures/gate'));
report('Own labelled set (test/fixtures/gate)', own);
// Sets written by other people, each reported on its own: `independent` (its
// misses were read while generalising the rules), `independent-2` (added
// later; its sentences never read, only its per-field miss counts) and
// `independent-3` (copied in after the last rule change, run once).
const INDEPENDENT = [
  ['independent', 'Independent set (test/fixtures/gate/independent; its misses were read while generalising)'],
  ['independent-2', 'Second independent set, run once before the recall round; its sentences never read (test/fixtures/gate/independent-2)'],
  ['independent-3', 'Third independent set, run once after the last rule change, never tuned on (test/fixtures/gate/independent-3)'],
] as const;
for (const [dir, title] of INDEPENDENT) {
  const path = resolve(root, 'test/fixtures/gate', dir);
  if (existsSync(path)) report(title, loadLabelled(path));
}
for (const extra of (process.env.GATE_EXTRA ?? '').split(':').filter(Boolean)) report(`Extra set (${extra})`, loadLabelled(extra));
const dev = process.env.GATE_DEV_CORPUS ?? resolve(root, '../shared/gate/dev-corpus.json');
if (existsSync(dev)) report(`Development corpus (${dev})`, loadLabelled(dev));
else console.log(`\n(no development corpus at ${dev}; set GATE_DEV_CORPUS to measure on it)`);

const perf = benchGate();
const ms = (n: number) => n.toFixed(2);
console.log(`\nGate time per request, ${perf.requests} requests × ${perf.rounds} rounds: wall clock p50 ${ms(perf.wall.p50)} ms, p99 ${ms(perf.wall.p99)} ms; CPU time p50 ${ms(perf.cpu.p50)} ms, p99 ${ms(perf.cpu.p99)} ms (process-wide, GC and compiler threads included); steady (each request's median over the rounds) p50 ${ms(perf.steady.p50)} ms, p99 ${ms(perf.steady.p99)} ms (target p99 ≤ 5 ms)`);
console.log(`Gate memory: ${perf.heapMegabytes.toFixed(1)} MB of heap once loaded and used (vocabulary and compiled rules; there is no model file; target ≤ 20 MB)`);
