// Names are cleaned like form text, at the store, whatever wrote them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addContact as addByOwner, editContact } from '../../src/use-cases/manage-contacts.ts';
import { cleanName, cleanText } from '../../src/rules/text.ts';
import { makeCore, type TestCore } from '../support/core.ts';

let t: TestCore;
beforeEach(() => {
  t = makeCore();
});
afterEach(() => t.cleanup());

describe('cleanName', () => {
  it('drops bidi overrides and isolates, marks, zero-width and other format characters, and keeps it on one line', () => {
    expect(cleanName('\u202Efdp.exe\u202C')).toBe('fdp.exe');
    expect(cleanName('A\u2066n\u2069a\u200E \u200FFer\u061Creira\u2060\uFEFF\u00AD')).toBe('Ana Ferreira');
    expect(cleanName('  Ana\n\tFerreira \u0007 ')).toBe('Ana Ferreira');
  });

  it('keeps a zero-width non-joiner between letters (Persian needs it), drops a stray one', () => {
    expect(cleanName('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(cleanName('\u200CAna\u200D ')).toBe('Ana');
  });

  it('form text loses the same characters', () => {
    expect(cleanText('a\u202Eb\u2066c\uFEFF')).toBe('abc');
  });
});

describe('every write to the store is cleaned', () => {
  it("the owner's CLI (add, edit) and a platform profile name", () => {
    const c = addByOwner(t.ctx, 'cli', { name: 'Ana \u202EFerreira', title: 'Head\u200B of Payments', company: 'Lumen\u2066 Pay' });
    expect(c).toMatchObject({ name: 'Ana Ferreira', title: 'Head of Payments', company: 'Lumen Pay' });
    expect(editContact(t.ctx, 'cli', c.id, { name: '\u202Dnew\u202C name' }).name).toBe('new name');
    const m = t.ctx.store.saveMember({ platform: 'discord', userId: '1', displayName: '\u202Eevil\u200B', status: 'member', at: 'now' });
    expect(m.displayName).toBe('evil');
    // Nothing visible left: the id stands in, never an empty name.
    expect(t.ctx.store.saveMember({ platform: 'discord', userId: '2', displayName: '\u200B\u202E', status: 'member', at: 'now' }).displayName).toBe('2');
  });
});
