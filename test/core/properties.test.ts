// Property-based tests: any text in search, in the request form and in admin
// CSV rows gives a clear answer, never a crash, and stores nothing it refused.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseContactsCsv } from '../../adapters/cli/import/generic-csv.ts';
import { parseLinkedInConnections, NotALinkedInExportError } from '../../adapters/cli/import/linkedin-csv.ts';
import { renderView } from '../../adapters/console/render.ts';
import { encodeAction } from '../../src/actions.ts';
import { handleCommand, handleSubmit } from '../../src/interactions.ts';
import { addContact, addMember, alice, makeCore, type TestCore } from '../support/core.ts';

let t: TestCore;
let anaId: number;
beforeAll(() => {
  t = makeCore();
  addMember(t, alice);
  anaId = addContact(t).id;
  // Room for every accepted request the generators may produce.
  t.ctx.policy.limits.maxOpenRequestsPerMember = 10_000;
  t.ctx.store.updateContact(anaId, { introCap: 10_000 }, 'now');
});
afterAll(() => t.cleanup());

// Text with the awkward parts of Unicode: controls, emoji, combining marks, RTL, mentions.
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom('<!channel>', '@everyone', '<@U123>', '"', 'AND', 'NEAR(', '-x', 'c++', "o'neil", '*', '\u202e', '\u0000', 'x'.repeat(10_000)),
  fc.array(fc.constantFrom('ana', 'lumen', '"', '*', '(', ')', ':', '^', '-', '<', '>', '&', '@', '😀', 'é', '\n', ' '), { maxLength: 40 }).map((a) => a.join('')),
);
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F]/;

describe('properties', () => {
  it('search answers any text with a view, and the terminal never prints a control character', () => {
    fc.assert(
      fc.property(nasty, (q) => {
        const reply = handleCommand(t.ctx, alice, 'find-contact', q);
        expect(reply.type).toBe('show');
        if (reply.type !== 'show') return;
        expect(reply.view.summary.length).toBeGreaterThan(0);
        expect(renderView(reply.view, () => 1).text).not.toMatch(CONTROL);
      }),
      { numRuns: 300 },
    );
  });

  it('the request form either bounces with guidance (storing nothing) or stores exactly what passed the gate', () => {
    const submit = encodeAction({ type: 'submit_request', contactId: anaId });
    fc.assert(
      fc.property(nasty, nasty, nasty, (howKnow, whyContact, blurb) => {
        const before = t.ctx.store.listRequests().length;
        const reply = handleSubmit(t.ctx, alice, submit, { howKnow, whyContact, blurb });
        const after = t.ctx.store.listRequests();
        if (reply.type === 'form_errors') {
          expect(after).toHaveLength(before);
          expect(Object.values(reply.errors).every((m) => m.length > 10)).toBe(true);
        } else {
          expect(reply.type).toBe('form_done');
          // Accepted or refused with a kind message; if accepted, the text is stored cleaned, no control characters.
          // eslint-disable-next-line no-control-regex -- looking for control characters is the point
          for (const r of after.slice(before)) expect(r.whyContact + r.howKnow + r.blurb).not.toMatch(/[\u0000-\u0008\u000B-\u001F]/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('CSV parsing never throws on arbitrary rows, and every issue names a line', () => {
    const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
    const cell = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('"', '""', ',', '\r\n', '\n', '"a,b"', 'https://www.linkedin.com/in/x', 'a@b.co'));
    const row = fc.array(cell, { minLength: 0, maxLength: 9 }).map((cells) => cells.join(','));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 15 }), fc.boolean(), (rows, withPreamble) => {
        const text = [...(withPreamble ? ['Notes:', '"When exporting, emails may be missing."', ''] : []), header, ...rows].join('\n');
        const li = parseLinkedInConnections(text);
        for (const i of li.issues) expect(i.reason).toMatch(/^line \d+/);
        expect(li.rows.every((r) => r.name.length > 0 && r.line > 0)).toBe(true);
        const generic = parseContactsCsv(['name,company,tags', ...rows].join('\n'));
        for (const i of generic.issues) expect(i.line).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('a file that is not a LinkedIn export is refused with the clear error, whatever it holds', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }).filter((s) => !/first\s*name/i.test(s)), { maxLength: 20 }), (lines) => {
        expect(() => parseLinkedInConnections(lines.join('\n'))).toThrow(NotALinkedInExportError);
      }),
      { numRuns: 200 },
    );
  });
});
