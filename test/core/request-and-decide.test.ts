import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../db/sqlite-store.ts';
import { handleAction, handleCommand, handleSubmit } from '../../src/interactions.ts';
import { encodeAction } from '../../src/actions.ts';
import { actionsOf } from '../../src/views/view.ts';
import { decideIntro } from '../../src/use-cases/decide-intro.ts';
import { intros, withdrawRequest } from '../../src/use-cases/my-requests.ts';
import { openRequestForm, submitIntroRequest } from '../../src/use-cases/submit-intro-request.ts';
import { addContact, addMember, alice, bob, goodForm, makeCore, owner, PRIVATE, stranger, type TestCore, refusal } from '../support/core.ts';

let t: TestCore;
let anaId: number;
beforeEach(() => {
  t = makeCore();
  addMember(t, alice);
  addMember(t, bob);
  anaId = addContact(t).id;
});
afterEach(() => t.cleanup());

const submit = (form = goodForm, actor = alice, contactId = anaId) => submitIntroRequest(t.ctx, actor, contactId, form);
describe('submitIntroRequest', () => {
  it('creates the request, its event and the owner card in one go', () => {
    const result = submit();
    expect(result.ok).toBe(true);
    expect(t.ctx.store.listRequests()).toHaveLength(1);
    expect(t.ctx.store.listEvents().map((e) => e.kind)).toEqual(['request.created']);
    const [card] = t.ctx.store.listOutbox();
    expect(card).toMatchObject({ kind: 'owner.request_card', platform: 'console', recipients: ['owner'] });
    expect(JSON.stringify(card?.view)).toContain(goodForm.whyContact);
  });

  it('treats a repeated identical submit as the same request (platform retry, double click)', () => {
    const first = submit();
    const second = submit();
    expect(second).toMatchObject({ ok: true, duplicate: true });
    expect(first.ok && second.ok && first.request.id === second.request.id).toBe(true);
    expect(t.ctx.store.listRequests()).toHaveLength(1);
    expect(t.ctx.store.listOutbox()).toHaveLength(1);
  });

  it('refuses strangers, pending and blocked people, and the owner', () => {
    expect(refusal(() => submit(goodForm, stranger)).code).toBe('not_member');
    addMember(t, { platform: 'console', userId: 'pat' }, 'pending');
    expect(refusal(() => submit(goodForm, { platform: 'console', userId: 'pat' })).message).toContain('waiting for Sam');
    expect(refusal(() => submit(goodForm, owner)).code).toBe('not_member');
    expect(t.ctx.store.listRequests()).toHaveLength(0);
  });

  it('refuses contacts that are unvetted, opted out, or do not exist, with no detail', () => {
    const unvetted = addContact(t, { name: 'Hidden', vetted: false }).id;
    const optedOut = addContact(t, { name: 'Gone', openToIntros: false }).id;
    for (const id of [unvetted, optedOut, 9999]) {
      const err = refusal(() => submit(goodForm, alice, id));
      expect(err.message).toBe("That contact isn't available for introductions right now.");
      expect(refusal(() => openRequestForm(t.ctx, alice, id)).code).toBe('unavailable');
    }
  });

  it('limits open requests per member', () => {
    const others = ['Ben Ortiz', 'Cara Mendes', 'Dina Ferraz'].map((name) => addContact(t, { name, company: 'Lumen Pay', tags: ['fintech'] }).id);
    // Each text is distinct: copy-paste detection would bounce near-identical ones.
    const first = submit({ ...goodForm, whyContact: 'Ben designed the Lumen Pay merchant onboarding flow, and I want to ask him which verification steps merchants abandon most.' }, alice, others[0]);
    expect(first.ok).toBe(true);
    const second = submit({ ...goodForm, whyContact: 'Cara ran the Lumen Pay expansion into Spain; my question for her is how long the licence took and what surprised her team.' }, alice, others[1]);
    expect(second.ok).toBe(true);
    const third = submit({ ...goodForm, whyContact: 'Dina leads the Lumen Pay card issuing work; I need one answer about the regulation of card issuing in Portugal for my thesis chapter.' }, alice, others[2]);
    expect(third.ok).toBe(true);
    const err = refusal(() => submit());
    expect(err.code).toBe('limit');
    expect(err.message).toContain('3 requests waiting');
    withdrawRequest(t.ctx, alice, 1);
    expect(submit().ok).toBe(true);
  });

  it("limits intros per contact in 90 days, honouring a contact's own cap", () => {
    t.ctx.store.updateContact(anaId, { introCap: 1 }, t.ctx.clock.now().toISOString());
    expect(submit().ok).toBe(true);
    const err = refusal(() => submit(goodForm, bob));
    expect(err.code).toBe('limit');
    expect(err.message).toContain('Ana Ferreira has had as many introduction requests as Sam allows');
    decideIntro(t.ctx, owner, 1, { kind: 'approve' });
    expect(refusal(() => submit(goodForm, bob)).code).toBe('limit');
    t.ctx.clock.advanceDays(91);
    expect(submit(goodForm, bob).ok).toBe(true);
  });

  it('bounces a weak form with guidance and writes nothing', () => {
    const result = submit({ howKnow: 'met once', whyContact: "I'd like to add you to my professional network", blurb: 'me' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['blurb', 'howKnow', 'whyContact']);
    // What was typed comes back in the form, so nothing is lost.
    expect(result.form.fields.find((f) => f.id === 'whyContact')?.value).toBe("I'd like to add you to my professional network");
    expect(t.ctx.store.listRequests()).toHaveLength(0);
    expect(t.ctx.store.listOutbox()).toHaveLength(0);
  });

  it('keeps a bounced form as a draft: reopening it shows what was typed, until it is sent', () => {
    const weak = { ...goodForm, whyContact: 'Ana seems nice.' };
    expect(submit(weak).ok).toBe(false);
    // Another process (a restart, another platform handler) reopens the form.
    const other = SqliteStore.open(t.path);
    try {
      const reopened = openRequestForm({ ...t.ctx, store: other }, alice, anaId);
      expect(Object.fromEntries(reopened.fields.map((f) => [f.id, f.value]))).toEqual(weak);
    } finally {
      other.close();
    }
    expect(openRequestForm(t.ctx, bob, anaId).fields.every((f) => f.value === undefined)).toBe(true);
    expect(submit().ok).toBe(true);
    withdrawRequest(t.ctx, alice, 1);
    expect(openRequestForm(t.ctx, alice, anaId).fields.every((f) => f.value === undefined)).toBe(true);
  });
});

describe('decideIntro', () => {
  beforeEach(() => {
    submit();
  });

  it('is owner-only, whatever the actor claims', () => {
    for (const actor of [alice, bob, stranger, { platform: 'slack' as const, userId: 'owner' }]) {
      expect(refusal(() => decideIntro(t.ctx, actor, 1, { kind: 'approve' })).code).toBe('not_owner');
    }
    expect(t.ctx.store.getRequest(1)?.status).toBe('pending');
  });

  it('records one decision, one event and one notice however many clicks arrive', () => {
    const results = [
      decideIntro(t.ctx, owner, 1, { kind: 'approve' }),
      decideIntro(t.ctx, owner, 1, { kind: 'decline', reason: 'not_now' }),
      decideIntro(t.ctx, owner, 1, { kind: 'approve' }),
    ];
    expect(results.map((r) => r.changed)).toEqual([true, false, false]);
    expect(results.every((r) => r.request.status === 'approved')).toBe(true);
    // Approval starts the double opt-in: the contact is asked first.
    expect(t.ctx.store.listEvents({ requestId: 1 }).map((e) => e.kind)).toEqual(['request.created', 'request.approved', 'optin.asked']);
    expect(t.ctx.store.listOutbox().filter((m) => m.kind === 'member.decision_notice')).toHaveLength(1);
  });

  it('lets exactly one of two processes win a concurrent decision', async () => {
    // Two connections to the same file behave like two bot processes.
    const second = SqliteStore.open(t.path);
    try {
      const ctx2 = { ...t.ctx, store: second };
      const clicks = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          Promise.resolve().then(() => decideIntro(i % 2 ? ctx2 : t.ctx, owner, 1, i % 3 ? { kind: 'approve' } : { kind: 'decline', reason: 'not_now' })),
        ),
      );
      expect(clicks.filter((c) => c.changed)).toHaveLength(1);
      expect(t.ctx.store.listEvents({ requestId: 1 }).filter((e) => e.kind.startsWith('request.') && e.kind !== 'request.created')).toHaveLength(1);
      expect(second.listOutbox().filter((m) => m.kind === 'member.decision_notice')).toHaveLength(1);
    } finally {
      second.close();
    }
  });

  it('updates the card in place: no decision buttons once decided (only Undo), who and when', () => {
    const { card } = decideIntro(t.ctx, owner, 1, { kind: 'decline', reason: 'dont_know_you' });
    expect(actionsOf(card).map((b) => b.label)).toEqual(['Undo (10 minutes)']);
    expect(JSON.stringify(card)).toContain("Declined (I don't know you) on 2026-11-02 09:00 UTC");
  });

  it('cannot decide a withdrawn request', () => {
    withdrawRequest(t.ctx, alice, 1);
    const r = decideIntro(t.ctx, owner, 1, { kind: 'approve' });
    expect(r.changed).toBe(false);
    expect(r.request.status).toBe('withdrawn');
  });
});

describe('members and the owner see only their own', () => {
  it("a member cannot withdraw or see someone else's request", () => {
    submit();
    expect(refusal(() => withdrawRequest(t.ctx, bob, 1)).message).toBe('That request no longer exists.');
    expect(JSON.stringify(intros(t.ctx, bob))).not.toContain('Ana');
    expect(JSON.stringify(intros(t.ctx, alice))).toContain('#1 Ana Ferreira');
  });

  it('no member-facing view or refusal carries a private field', () => {
    const views: unknown[] = [];
    views.push(handleCommand(t.ctx, alice, 'find-contact', 'ana'));
    views.push(handleCommand(t.ctx, alice, 'find-contact', 'lumen pay lisbon'));
    views.push(handleAction(t.ctx, alice, encodeAction({ type: 'open_request_form', contactId: anaId })));
    views.push(handleSubmit(t.ctx, alice, encodeAction({ type: 'submit_request', contactId: anaId }), { howKnow: 'x', whyContact: 'y', blurb: 'z' }));
    views.push(handleSubmit(t.ctx, alice, encodeAction({ type: 'submit_request', contactId: anaId }), goodForm));
    views.push(handleCommand(t.ctx, alice, 'intros', ''));
    views.push(handleAction(t.ctx, alice, encodeAction({ type: 'approve', requestId: 1 })));
    views.push(handleAction(t.ctx, owner, encodeAction({ type: 'approve', requestId: 1 })));
    views.push(...t.ctx.store.listOutbox().filter((m) => !m.recipients.includes('owner')).map((m) => m.view));
    views.push(handleCommand(t.ctx, stranger, 'find-contact', 'ana'));
    const all = JSON.stringify(views);
    expect(all).toContain('Ana Ferreira');
    for (const secret of Object.values(PRIVATE)) expect(all).not.toContain(secret);
  });

  it('refuses forged or stale action ids kindly', () => {
    for (const forged of ['', 'garbage', 'ib:ap:', 'ib:ap:-1', 'ib:ap:1e3', 'ib:dc:1:zz', 'ib:ap:99999999999999999999', 'ib:ap:1:junk', 'ib:oa:1', 'x'.repeat(500)]) {
      const reply = handleAction(t.ctx, owner, forged);
      expect(reply.type).toBe('show');
      expect(JSON.stringify(reply)).toContain('no longer valid');
    }
    expect(JSON.stringify(handleAction(t.ctx, owner, 'ib:ap:4242'))).toContain('That request no longer exists.');
  });
});
