// Labelled intro requests (the format of the shared development corpus) and
// how to run the gate on one: shared by `npm run gate:eval`, the bench and the
// tests that hold the gate to its own labelled set.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
    ? [{ contactName: earlierItem.contact.name, contactCompany: earlierItem.contact.company ?? null, whyContact: earlierItem.why }]
    : [];
  return judgeIntro({ howKnow: item.know, whyContact: item.why, blurb: item.blurb }, { contact: publicContact(item.contact), ownerName: EVAL_OWNER, earlier });
}
