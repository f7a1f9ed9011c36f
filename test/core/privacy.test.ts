// The owner's private data (a contact's email, phone, LinkedIn URL, notes) never
// reaches a member: not in a view, a message, a refusal or a log line. This test
// walks every flow, collects everything a member (or a log) could see, and looks
// for the private values in it.
import { describe, expect, it } from 'vitest';
import { encodeAction, type Action } from '../../src/actions.ts';
import { DeliveryError, Dispatcher } from '../../src/dispatcher.ts';
import type { Actor } from '../../src/domain.ts';
import { handleAction, handleCommand, handleSubmit, type Reply } from '../../src/interactions.ts';
import type { Logger } from '../../src/ports.ts';
import { runDueTasks } from '../../src/scheduler.ts';
import { addContact, addMember, alice, goodForm, makeCore, owner, PRIVATE, stranger } from '../support/core.ts';

describe('private fields', () => {
  it('appear in no member-facing view, message, refusal or log line', async () => {
    const t = makeCore();
    const seen: unknown[] = [];
    const logger: Logger = {
      debug: (o, m) => seen.push(o, m),
      info: (o, m) => seen.push(o, m),
      warn: (o, m) => seen.push(o, m),
      error: (o, m) => seen.push(o, m),
    };
    let failNext = true;
    const dispatcher = new Dispatcher({
      store: t.ctx.store,
      clock: t.ctx.clock,
      logger,
      messengers: {
        console: {
          update: () => Promise.resolve(),
          send: (m) => {
            // Fail once, so failure logs are collected too.
            if (failNext) {
              failNext = false;
              return Promise.reject(new DeliveryError(`could not deliver ${m.kind}`, 0));
            }
            return Promise.resolve({ ref: String(m.id) });
          },
        },
      },
    });
    try {
      addMember(t, alice);
      const bob: Actor = { platform: 'console', userId: 'bob' };
      addMember(t, bob);
      const onChat = addContact(t, { consoleUserId: 'ana', introCap: 10 });
      const byEmail = addContact(t, { name: 'Ben Ortiz', ...PRIVATE, introCap: 10 });
      const member = (actor: Actor, reply: Reply) => {
        if (actor !== owner) seen.push(reply);
        return reply;
      };
      const act = (actor: Actor, a: Action) => member(actor, handleAction(t.ctx, actor, encodeAction(a)));

      for (const q of ['ana', 'ben', 'lumen', 'private example', 'favour', '']) member(alice, handleCommand(t.ctx, alice, 'find-contact', q));
      member(stranger, handleCommand(t.ctx, stranger, 'find-contact', 'ana'));
      act(alice, { type: 'open_request_form', contactId: byEmail.id });
      member(alice, handleSubmit(t.ctx, alice, encodeAction({ type: 'submit_request', contactId: byEmail.id }), { howKnow: 'x', whyContact: 'y', blurb: 'z' }));
      member(alice, handleSubmit(t.ctx, alice, encodeAction({ type: 'submit_request', contactId: byEmail.id }), { ...goodForm, whyContact: 'Ben runs payments at Lumen Pay, and I want to ask him about fraud analyst hiring in Lisbon this spring, for my team.' }));
      member(alice, handleSubmit(t.ctx, alice, encodeAction({ type: 'submit_request', contactId: onChat.id }), goodForm));
      member(bob, handleSubmit(t.ctx, bob, encodeAction({ type: 'submit_request', contactId: onChat.id }), { ...goodForm, blurb: 'Bob is a product manager in Porto looking for a payments role at a larger company.' }));
      act(alice, { type: 'approve', requestId: 1 });
      act(owner, { type: 'approve', requestId: 1 });
      act(owner, { type: 'approve', requestId: 2 });
      act({ platform: 'console', userId: 'ana' }, { type: 'contact_answer', requestId: 2, yes: true });
      act(owner, { type: 'contact_answer', requestId: 1, yes: true });
      act(bob, { type: 'withdraw', requestId: 1 });
      // The owner's way back: a note, the reopened form, the resubmission, a decision undone; a member's email.
      act(owner, { type: 'ask_changes', requestId: 3 });
      member(owner, handleSubmit(t.ctx, owner, encodeAction({ type: 'submit_changes', requestId: 3 }), { note: 'Say what you would ask Ana, in one sentence, please.' }));
      act(bob, { type: 'open_request_form', contactId: onChat.id });
      member(bob, handleSubmit(t.ctx, bob, encodeAction({ type: 'submit_request', contactId: onChat.id }), { ...goodForm, blurb: 'Bob is a product manager in Porto looking for a payments role at a larger company, in fraud.' }));
      act(owner, { type: 'decline', requestId: 3, reason: 'not_now' });
      await dispatcher.runOnce();
      act(owner, { type: 'undo', requestId: 3 });
      member(alice, handleCommand(t.ctx, alice, 'profile', 'email alice@example.org'));
      member(alice, handleCommand(t.ctx, alice, 'intros', ''));
      // The triage deck shows the owner's private fields; a member gets a refusal.
      const unvetted = addContact(t, { name: 'Dana Unvetted', ...PRIVATE, vetted: false });
      const deck = { order: 'recent', includeSkipped: false, done: 0 } as const;
      member(alice, handleCommand(t.ctx, alice, 'triage', ''));
      for (const verb of ['vet', 'tag'] as const) act(alice, { type: 'triage', verb, contactId: unvetted.id, deck });
      member(alice, handleSubmit(t.ctx, alice, encodeAction({ type: 'submit_triage_tags', contactId: unvetted.id, deck }), { tags: 'x' }));
      handleCommand(t.ctx, owner, 'triage', '');
      // The deck's first card goes to the owner alone, with what tells namesakes apart.
      expect(JSON.stringify(t.ctx.store.listOutbox().filter((m) => m.kind === 'owner.triage_card' && m.recipients.includes('owner')))).toContain(PRIVATE.linkedinUrl);
      t.ctx.clock.advanceDays(30);
      runDueTasks(t.ctx);
      act(alice, { type: 'outcome', requestId: 1, outcome: 'job' });
      await dispatcher.runOnce();
      await dispatcher.runOnce();

      const ownerId = 'owner';
      for (const m of t.ctx.store.listOutbox()) if (!m.recipients.includes(ownerId)) seen.push(m);
      seen.push(...t.ctx.store.listEvents());

      const everything = JSON.stringify(seen);
      expect(everything).toContain('Ben Ortiz'); // the collection is real
      expect(everything).toContain('could not deliver'); // and includes the failure log
      expect(everything).toContain('has reopened your request'); // and the way-back flows
      for (const secret of Object.values(PRIVATE)) expect(everything).not.toContain(secret);
      // The owner, on the other hand, is handed the email draft with the address.
      expect(JSON.stringify(t.ctx.store.listOutbox().filter((m) => m.recipients.includes(ownerId)))).toContain(PRIVATE.email);
    } finally {
      t.cleanup();
    }
  });

  it("the owner's search covers every contact and his private fields, and a member sees none of it", () => {
    const t = makeCore();
    try {
      addMember(t, alice);
      const ana = addContact(t);
      const uma = addContact(t, { name: 'Uma Unvetted', company: 'Quiet Labs', vetted: false, email: 'uma@quiet.example', notes: 'met at the 100% offsite' });
      const olly = addContact(t, { name: 'Olly Optout', company: 'Quiet Labs', openToIntros: false, email: 'olly@quiet.example', notes: 'prefers calls' });
      const seen: unknown[] = [];
      const asMember = (r: Reply) => (seen.push(r), r);

      // The owner finds the unvetted and the opted-out, by public words and by his private email and notes.
      const byCompany = JSON.stringify(handleCommand(t.ctx, owner, 'find-contact', 'quiet labs'));
      expect(byCompany).toContain('Uma Unvetted');
      expect(byCompany).toContain('Olly Optout');
      expect(byCompany).toContain('met at the 100% offsite');
      expect(byCompany).toContain(encodeAction({ type: 'vet_contact', contactId: uma.id }));
      expect(byCompany).toContain(encodeAction({ type: 'tag_form', contactId: uma.id }));
      expect(JSON.stringify(handleCommand(t.ctx, owner, 'find-contact', 'uma@quiet'))).toContain('Uma Unvetted');
      expect(JSON.stringify(handleCommand(t.ctx, owner, 'find-contact', 'favour'))).toContain('Ana Ferreira');
      // A LIKE wildcard is a literal: "%" finds only the note that has one, "_" nothing.
      const percent = JSON.stringify(handleCommand(t.ctx, owner, 'find-contact', '100%'));
      expect(percent).toContain('Uma Unvetted');
      expect(percent).not.toContain('Ana Ferreira');
      expect(JSON.stringify(handleCommand(t.ctx, owner, 'find-contact', '_'))).toContain('None of your contacts match');
      // FTS5 syntax is never passed raw: these are words, not errors.
      for (const q of ['"', 'AND', '-x', 'c++', "o'neil", 'quiet OR *']) expect(handleCommand(t.ctx, owner, 'find-contact', q).type).toBe('show');

      // A member: vetted, open contacts and public fields only, whatever they type or click.
      for (const q of ['quiet labs', 'uma', 'olly', 'uma@quiet', 'favour', 'offsite', 'ana.private', 'ana']) asMember(handleCommand(t.ctx, alice, 'find-contact', q));
      asMember(handleAction(t.ctx, alice, encodeAction({ type: 'search_page', page: 2, query: 'quiet' })));
      for (const a of [
        { type: 'vet_contact', contactId: uma.id },
        { type: 'opt_out_contact', contactId: ana.id },
        { type: 'tag_form', contactId: uma.id },
        { type: 'introduce_form', contactId: uma.id },
        { type: 'history', memberId: 1 },
      ] as Action[]) {
        expect(JSON.stringify(asMember(handleAction(t.ctx, alice, encodeAction(a))))).toContain('Only Sam can do that');
      }
      asMember(handleSubmit(t.ctx, alice, encodeAction({ type: 'submit_tags', contactId: uma.id }), { tags: 'x' }));
      for (const q of ['quiet', 'uma', 'ana']) asMember(handleCommand(t.ctx, alice, 'introduce', q));
      asMember(handleCommand(t.ctx, alice, 'history', 'alice'));
      const everything = JSON.stringify(seen);
      expect(everything).toContain('Ana Ferreira'); // the collection is real
      for (const secret of [...Object.values(PRIVATE), 'Uma Unvetted', 'Olly Optout', 'uma@quiet.example', 'olly@quiet.example', '100% offsite', 'prefers calls']) {
        expect(everything).not.toContain(secret);
      }
      expect(t.ctx.store.getContact(uma.id)).toMatchObject({ vetted: false, tags: ['fintech', 'payments'] });
      expect(t.ctx.store.getContact(ana.id)?.openToIntros).toBe(true);
      expect(olly.openToIntros).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it("an owner's intro asks a member with the contact's public details only", () => {
    const t = makeCore();
    try {
      addMember(t, alice);
      const ben = addContact(t, { name: 'Ben Ortiz' });
      handleSubmit(t.ctx, owner, encodeAction({ type: 'submit_introduce', contactId: ben.id }), {
        person: 'Alice',
        email: '',
        whyContact: 'You both rebuilt fraud teams and could compare notes on hiring.',
        blurb: 'Alice is a data scientist moving into payments risk in Lisbon.',
      });
      handleAction(t.ctx, alice, encodeAction({ type: 'person_answer', requestId: 1, yes: true }));
      handleAction(t.ctx, owner, encodeAction({ type: 'contact_answer', requestId: 1, yes: true }));
      const toAlice = JSON.stringify(t.ctx.store.listOutbox().filter((m) => m.recipients.includes('alice')));
      expect(toAlice).toContain('Ben Ortiz');
      for (const secret of Object.values(PRIVATE)) expect(toAlice).not.toContain(secret);
      expect(JSON.stringify(t.ctx.store.listOutbox().filter((m) => m.recipients.includes('owner')))).toContain(PRIVATE.email);
    } finally {
      t.cleanup();
    }
  });
});
