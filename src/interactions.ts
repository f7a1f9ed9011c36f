// Every way a platform can reach the core: a command, a button click, a form
// submit, opening the home surface. Adapters translate their payloads into
// these calls and render the Reply; no rule lives in an adapter.
import { decodeAction } from './actions.ts';
import type { Actor } from './domain.ts';
import type { CoreContext, Membership } from './context.ts';
import type { ContactStore } from './ports.ts';
import { DomainError } from './errors.ts';
import { decideAdmission, requestAdmission, unblockFromCard } from './use-cases/admission.ts';
import { openIntroTextForm, saveIntroText } from './use-cases/intro-text.ts';
import { profile } from './use-cases/profile.ts';
import { openChangesForm, requestChanges } from './use-cases/request-changes.ts';
import { undoDecision } from './use-cases/undo-decision.ts';
import { decideIntro } from './use-cases/decide-intro.ts';
import { answerForContact } from './use-cases/deliver-intro.ts';
import { recordOutcome } from './use-cases/follow-up.ts';
import { home, type HomeStore } from './use-cases/home.ts';
import { getStats, intros, withdrawRequest } from './use-cases/my-requests.ts';
import { searchContacts } from './use-cases/search-contacts.ts';
import { suggestContacts, type Suggestion } from './use-cases/suggest-contacts.ts';
import { openRequestForm, submitIntroRequest } from './use-cases/submit-intro-request.ts';
import { startTriage, submitTriageTags, triageClick } from './use-cases/triage-contacts.ts';
import { admissionFormView } from './views/forms.ts';
import { errorView, message } from './views/notices.ts';
import type { FieldErrors, FormView, View } from './views/view.ts';
import { isOwner, roleOf } from './context.ts';
import { historyByName, memberHistory } from './use-cases/history.ts';
import { answerForPerson, openIntroduceForm, submitIntroduce } from './use-cases/introduce.ts';
import { openTagForm, optOutFromChat, searchAllContacts, submitTags, vetFromChat } from './use-cases/owner-contacts.ts';

export type Reply =
  /** Show this to the actor only (ephemeral where the platform can). */
  | { type: 'show'; view: View }
  /** Replace the message the clicked button was in. */
  | { type: 'update'; view: View }
  /** Open this form (a modal). */
  | { type: 'form'; form: FormView }
  /** The form bounced: show these errors next to the fields, keep what was typed. */
  | { type: 'form_errors'; form: FormView; errors: FieldErrors }
  /**
   * The form was accepted: close it and show this. `queued`: the confirmation is
   * already in the outbox (it goes as a message, through retries), so the adapter shows nothing more.
   */
  | { type: 'form_done'; view: View; queued?: boolean };

export const COMMANDS = {
  'find-contact': 'Search the vetted contacts: /find-contact <words>',
  intros: 'Your intro requests (the owner: what is waiting for you)',
  stats: "The network's figures (owner only)",
  triage: 'Vet imported contacts one card at a time (owner only): /triage [company] [skipped]',
  introduce: 'Introduce someone to one of your contacts (owner only): /introduce <contact>',
  history: "A member's requests, declines and outcomes (owner only): /history <name>",
  profile: 'Your email for intros: /profile email you@example.com',
} as const;
export type CommandName = keyof typeof COMMANDS;

const refusal = (err: unknown): View => {
  if (err instanceof DomainError) return errorView(err.message);
  throw err;
};

// handleCommand, handleAction and handleSubmit take the whole Store on purpose:
// they dispatch to every use case, so they need the union of what all of them need.
export function handleCommand(ctx: CoreContext, actor: Actor, name: string, text: string): Reply {
  try {
    switch (name) {
      case 'find-contact':
        return { type: 'show', view: findContact(ctx, actor, text, 1) };
      case 'introduce':
        return { type: 'show', view: searchAllContacts(ctx, actor, text) };
      case 'history':
        return { type: 'show', view: historyByName(ctx, actor, text) };
      case 'intros':
        return { type: 'show', view: intros(ctx, actor) };
      case 'stats':
        return { type: 'show', view: getStats(ctx, actor) };
      case 'triage':
        return { type: 'show', view: startTriage(ctx, actor, text) };
      case 'profile':
        return { type: 'show', view: profile(ctx, actor, text) };
      default:
        return { type: 'show', view: message(`I don't know the command /${name}.`, 'Try /find-contact <words> or /intros.') };
    }
  } catch (err) {
    return { type: 'show', view: refusal(err) };
  }
}

/** The owner searches everything he has; members (and everyone else) the vetted contacts. */
function findContact(ctx: CoreContext, actor: Actor, text: string, page: number): View {
  return isOwner(ctx, actor) ? searchAllContacts(ctx, actor, text, page) : searchContacts(ctx, actor, text, page);
}

const STALE = message('That button is no longer valid. Run the command again for a fresh one.');

export function handleAction(ctx: CoreContext, actor: Actor, actionId: string): Reply {
  const action = decodeAction(actionId);
  if (!action) return { type: 'show', view: STALE };
  try {
    switch (action.type) {
      case 'search_page':
        return { type: 'update', view: findContact(ctx, actor, action.query, action.page) };
      case 'open_request_form':
        // The owner's own "Request intro" starts his intro instead: his contacts are his to introduce.
        if (isOwner(ctx, actor)) return { type: 'form', form: openIntroduceForm(ctx, actor, action.contactId) };
        return { type: 'form', form: openRequestForm(ctx, actor, action.contactId) };
      case 'introduce_form':
        return { type: 'form', form: openIntroduceForm(ctx, actor, action.contactId) };
      case 'person_answer':
        return { type: 'update', view: answerForPerson(ctx, actor, action.requestId, action.yes) };
      case 'vet_contact':
        return { type: 'show', view: vetFromChat(ctx, actor, action.contactId) };
      case 'opt_out_contact':
        return { type: 'show', view: optOutFromChat(ctx, actor, action.contactId) };
      case 'tag_form':
        return { type: 'form', form: openTagForm(ctx, actor, action.contactId) };
      case 'history':
        return { type: 'show', view: memberHistory(ctx, actor, action.memberId) };
      case 'approve':
        return { type: 'update', view: decideIntro(ctx, actor, action.requestId, { kind: 'approve' }).card };
      case 'decline':
        return { type: 'update', view: decideIntro(ctx, actor, action.requestId, { kind: 'decline', reason: action.reason }).card };
      case 'withdraw':
        return { type: 'update', view: withdrawRequest(ctx, actor, action.requestId) };
      case 'open_admission_form': {
        const role = roleOf(ctx, actor);
        if (role.kind !== 'stranger' || ctx.policy.accessPolicy !== 'request') {
          return { type: 'show', view: message(role.kind === 'pending' ? `Your request to join is already with ${ctx.policy.ownerName}.` : 'There is nothing to ask: you cannot join this way.') };
        }
        return { type: 'form', form: admissionForm(ctx, actor) };
      }
      case 'admit':
        return { type: 'update', view: decideAdmission(ctx, actor, action.memberId, 'admit').card };
      case 'ignore_admission':
        return { type: 'update', view: decideAdmission(ctx, actor, action.memberId, 'ignore').card };
      case 'block_admission':
        return { type: 'update', view: decideAdmission(ctx, actor, action.memberId, 'block').card };
      case 'contact_answer':
        return { type: 'update', view: answerForContact(ctx, actor, action.requestId, action.yes) };
      case 'outcome':
        return { type: 'update', view: recordOutcome(ctx, actor, action.requestId, action.outcome) };
      case 'triage': {
        const r = triageClick(ctx, actor, action.verb, action.contactId, action.deck);
        return r.kind === 'form' ? { type: 'form', form: r.form } : { type: 'update', view: r.view };
      }
      case 'ask_changes':
        return { type: 'form', form: openChangesForm(ctx, actor, action.requestId) };
      case 'undo':
        return { type: 'update', view: undoDecision(ctx, actor, action.requestId) };
      case 'unblock':
        return { type: 'update', view: unblockFromCard(ctx, actor, action.memberId) };
      case 'edit_intro':
        return { type: 'form', form: openIntroTextForm(ctx, actor, action.requestId) };
      case 'submit_request':
      case 'submit_admission':
      case 'submit_triage_tags':
      case 'submit_introduce':
      case 'submit_tags':
      case 'submit_changes':
      case 'submit_intro_text':
        return { type: 'show', view: STALE };
    }
  } catch (err) {
    // A refusal is shown to the clicker only; the message they clicked stays as it was.
    return { type: 'show', view: refusal(err) };
  }
}

/** The admission form, prefilled with what was typed when it last bounced. */
function admissionForm(ctx: CoreContext, actor: Actor): FormView {
  const form = admissionFormView(ctx.policy.ownerName);
  const draft = ctx.store.getDraft(actor.platform, actor.userId, form.action) ?? {};
  form.fields = form.fields.map((f) => (draft[f.id] !== undefined ? { ...f, value: draft[f.id] } : f));
  return form;
}

/**
 * `submissionId`: the platform's id of this submission (Slack's view id), for a
 * platform that re-sends submissions and answers them by message: a repeat makes
 * nothing new, and the confirmation goes through the outbox.
 */
export function handleSubmit(ctx: CoreContext, actor: Actor, formAction: string, values: Record<string, string>, opts: { submissionId?: string } = {}): Reply {
  const action = decodeAction(formAction);
  try {
    if (action?.type === 'submit_request') {
      const result = submitIntroRequest(ctx, actor, action.contactId, values, opts);
      if (!result.ok) return { type: 'form_errors', form: result.form, errors: result.errors };
      return { type: 'form_done', view: result.view, ...(opts.submissionId !== undefined ? { queued: true } : {}) };
    }
    if (action?.type === 'submit_triage_tags') {
      const result = submitTriageTags(ctx, actor, action.contactId, action.deck, values);
      // 'update': the next card takes the place of the card the form was opened from, where the platform can.
      return result.ok ? { type: 'update', view: result.view } : { type: 'form_errors', form: result.form, errors: result.errors };
    }
    if (action?.type === 'submit_introduce') {
      const result = submitIntroduce(ctx, actor, action.contactId, values);
      return result.ok ? { type: 'form_done', view: result.view } : { type: 'form_errors', form: result.form, errors: result.errors };
    }
    if (action?.type === 'submit_tags') {
      const result = submitTags(ctx, actor, action.contactId, values);
      return result.ok ? { type: 'form_done', view: result.view } : { type: 'form_errors', form: result.form, errors: result.errors };
    }
    if (action?.type === 'submit_changes') {
      const result = requestChanges(ctx, actor, action.requestId, values);
      return result.ok ? { type: 'form_done', view: result.view } : { type: 'form_errors', form: result.form, errors: result.errors };
    }
    if (action?.type === 'submit_intro_text') {
      const result = saveIntroText(ctx, actor, action.requestId, values);
      return result.ok ? { type: 'form_done', view: result.view } : { type: 'form_errors', form: result.form, errors: result.errors };
    }
    if (action?.type === 'submit_admission') {
      const result = requestAdmission(ctx, actor, values);
      if (result.ok) return { type: 'form_done', view: result.view };
      return { type: 'form_errors', form: admissionForm(ctx, actor), errors: result.errors };
    }
    return { type: 'form_done', view: STALE };
  } catch (err) {
    return { type: 'form_done', view: refusal(err) };
  }
}

/** Suggestions while someone types a command's text (Discord's autocomplete); never a throw. */
export function handleSuggest(ctx: CoreContext<Membership & Pick<ContactStore, 'searchContacts'>>, actor: Actor, name: string, text: string): Suggestion[] {
  if (name !== 'find-contact') return [];
  try {
    return suggestContacts(ctx, actor, text);
  } catch (err) {
    if (err instanceof DomainError) return [];
    throw err;
  }
}

/** The actor's home surface (Slack's App Home tab): always a view, never a throw for a refusal. */
export function handleHome(ctx: CoreContext<HomeStore>, actor: Actor): View {
  try {
    return home(ctx, actor);
  } catch (err) {
    return refusal(err);
  }
}
