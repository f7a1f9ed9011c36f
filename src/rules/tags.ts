// The one reading of tags the owner types in chat (the search's Tag form, the
// triage deck) and at the CLI triage prompt. Tags keep the case they were typed
// in, as imports and `contacts tag` store them ("Porto", "fintech"); two that
// differ only in case are the same tag, since search and the tag filter ignore case.
import { stripInvisible } from './text.ts';

export const TAG_MAX_LENGTH = 50;
export const TAGS_MAX = 20;

export type TagsRead = { ok: true; tags: string[] } | { ok: false; error: string };

/** "fintech; Porto,\n investor" → ['fintech', 'Porto', 'investor']: trimmed, spaces collapsed, no empties or repeats. */
export function readTags(text: string): TagsRead {
  const tags = mergeTags([], stripInvisible(text).split(/[,;|\n]/));
  const long = tags.find((t) => t.length > TAG_MAX_LENGTH);
  if (long) return { ok: false, error: `A tag is at most ${TAG_MAX_LENGTH} characters (one of these has ${long.length}). Separate tags with commas.` };
  if (tags.length > TAGS_MAX) return { ok: false, error: `At most ${TAGS_MAX} tags, please; that was ${tags.length}.` };
  return { ok: true, tags };
}

/** `existing` plus the new ones it lacks (ignoring case), cleaned the same way. */
export function mergeTags(existing: readonly string[], added: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of [...existing, ...added]) {
    const tag = raw.replace(/\s+/g, ' ').trim();
    const key = tag.toLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}
