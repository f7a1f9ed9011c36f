// One reading of typed tags for the owner's Tag form and the triage deck: the
// same text gives the same tags on both, and a bad line bounces with its reason.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/actions.ts';
import { handleSubmit } from '../../src/interactions.ts';
import { mergeTags, readTags, TAG_MAX_LENGTH, TAGS_MAX } from '../../src/rules/tags.ts';
import { TAGS_FIELD } from '../../src/views/triage.ts';
import { addContact, makeCore, owner, type TestCore } from '../support/core.ts';

describe('readTags', () => {
  it('splits on commas, semicolons, bars and newlines; trims and collapses spaces; keeps the case typed', () => {
    expect(readTags(' fintech;  Seed   rounds ,Porto\nangel | b2b ')).toEqual({ ok: true, tags: ['fintech', 'Seed rounds', 'Porto', 'angel', 'b2b'] });
  });

  it('drops empty parts, repeats (ignoring case) and invisible characters', () => {
    expect(readTags('fintech,, ;Fintech,\u200Bfin\u202Etech, ,\n')).toEqual({ ok: true, tags: ['fintech'] });
    expect(readTags('  ,; ')).toEqual({ ok: true, tags: [] });
  });

  it('refuses a tag over 50 characters, saying so, rather than cutting it', () => {
    expect(readTags(`ok, ${'x'.repeat(TAG_MAX_LENGTH)}`)).toMatchObject({ ok: true });
    const read = readTags(`ok, ${'x'.repeat(TAG_MAX_LENGTH + 1)}`);
    expect(read).toEqual({ ok: false, error: expect.stringContaining('at most 50 characters') as string });
  });

  it('refuses more than 20 tags', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `tag${i}`).join(',');
    expect(readTags(many(TAGS_MAX))).toMatchObject({ ok: true });
    expect(readTags(many(TAGS_MAX + 1))).toEqual({ ok: false, error: expect.stringContaining('At most 20 tags') as string });
  });

  it('mergeTags keeps the existing spelling and adds only new tags', () => {
    expect(mergeTags(['Fintech', 'Porto'], ['fintech', ' angel  investor ', 'porto'])).toEqual(['Fintech', 'Porto', 'angel investor']);
  });
});

describe('the Tag form and the triage deck read tags alike', () => {
  let t: TestCore;
  beforeEach(() => {
    t = makeCore();
  });
  afterEach(() => t.cleanup());

  const typed = 'Climate; hiring\nclimate, Series  A';
  const deck = { order: 'recent', includeSkipped: false, done: 0 } as const;

  it('stores the same tags from both forms', () => {
    const a = addContact(t, { name: 'Uma Unvetted', vetted: false });
    const b = addContact(t, { name: 'Vic Unvetted', vetted: false });
    expect(handleSubmit(t.ctx, owner, encodeAction({ type: 'submit_tags', contactId: a.id }), { tags: typed }).type).toBe('form_done');
    expect(handleSubmit(t.ctx, owner, encodeAction({ type: 'submit_triage_tags', contactId: b.id, deck }), { [TAGS_FIELD]: typed }).type).toBe('update');
    expect(t.ctx.store.getContact(a.id)?.tags).toEqual(['Climate', 'hiring', 'Series A']);
    expect(t.ctx.store.getContact(b.id)?.tags).toEqual(['Climate', 'hiring', 'Series A']);
  });

  it('bounces a too-long tag on both forms with the reason, and changes nothing', () => {
    const c = addContact(t, { name: 'Uma Unvetted', vetted: false, tags: ['old'] });
    const long = `fine, ${'y'.repeat(51)}`;
    for (const reply of [
      handleSubmit(t.ctx, owner, encodeAction({ type: 'submit_tags', contactId: c.id }), { tags: long }),
      handleSubmit(t.ctx, owner, encodeAction({ type: 'submit_triage_tags', contactId: c.id, deck }), { [TAGS_FIELD]: long }),
    ]) {
      expect(reply.type).toBe('form_errors');
      if (reply.type === 'form_errors') expect(Object.values(reply.errors).join(' ')).toContain('at most 50 characters');
    }
    expect(t.ctx.store.getContact(c.id)).toMatchObject({ tags: ['old'], vetted: false });
  });
});
