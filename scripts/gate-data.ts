// Labelled intro requests (the format of the shared development corpus) and
// how to run the gate on one: shared by `npm run gate:eval`, the bench and the
// tests that hold the gate to its own labelled set.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PublicContact } from '../src/domain.ts';
import { judgeIntro, type GateVerdict } from '../src/rules/quality-gate.ts';

export interface LabelledItem {
  id: string;
  label: 'good' | 'bad';
  category: string;
  contact: { name: string; company?: string | null; title?: string | null; tags?: string[] };
  know: string;
  why: string;
  blurb: string;
  note?: string;
  pairWith?: string;
}

/** Every item of a JSON file, or of every JSON file directly inside a folder. */
export function loadLabelled(path: string): LabelledItem[] {
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .flatMap((f) => JSON.parse(readFileSync(join(path, f), 'utf8')) as LabelledItem[]);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as LabelledItem[];
}

export const EVAL_OWNER = 'Sam';

function publicContact(c: LabelledItem['contact'], id = 1): PublicContact {
  return { id, name: c.name, company: c.company ?? null, title: c.title ?? null, location: null, tags: c.tags ?? [], topics: [], bio: null, strength: 'known' };
}

/** The gate's verdict on one item; a copy-paste item is judged with its earlier request in view. */
export function runGate(item: LabelledItem, all: LabelledItem[]): GateVerdict {
  const earlierItem = item.pairWith ? all.find((x) => x.id === item.pairWith) : undefined;
  const earlier = earlierItem
    ? [{ contactName: earlierItem.contact.name, contactCompany: earlierItem.contact.company ?? null, whyContact: earlierItem.why, howKnow: earlierItem.know, blurb: earlierItem.blurb }]
    : [];
  return judgeIntro({ howKnow: item.know, whyContact: item.why, blurb: item.blurb }, { contact: publicContact(item.contact), ownerName: EVAL_OWNER, earlier });
}

/** Time per request (after a warm-up) and the heap the gate's modules hold. */
export function gatePerformance(items: LabelledItem[]): { n: number; p50: number; p99: number; memoryMb: number } {
  for (const item of items.slice(0, 20)) runGate(item, items);
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const item of items) {
      const t0 = performance.now();
      runGate(item, items);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  // The gate's state is its compiled vocabulary: the source of its rule modules is an upper bound.
  const dir = join(import.meta.dirname, '../src/rules/gate');
  const bytes = readdirSync(dir).reduce((s, f) => s + statSync(join(dir, f)).size, 0);
  return { n: times.length, p50: at(0.5), p99: at(0.99), memoryMb: (bytes * 4) / 1e6 };
}
