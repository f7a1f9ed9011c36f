// Discord cannot show errors inside a modal, and a modal cannot be opened in
// answer to a modal submit. So a bounced form becomes an ephemeral message:
// the guidance per field, and an "Edit request" button that reopens the form
// through the core (which prefills it from the draft it saved).
import { decodeAction, encodeAction } from '../../src/actions.ts';
import type { FieldErrors, FormView, View } from '../../src/views/view.ts';

/** The action that reopens the form a submit action belongs to; null for anything else. */
export function reopenActionFor(formAction: string): string | null {
  const action = decodeAction(formAction);
  if (action?.type === 'submit_request') return encodeAction({ type: 'open_request_form', contactId: action.contactId });
  if (action?.type === 'submit_admission') return encodeAction({ type: 'open_admission_form' });
  if (action?.type === 'submit_introduce') return encodeAction({ type: 'introduce_form', contactId: action.contactId });
  if (action?.type === 'submit_tags') return encodeAction({ type: 'tag_form', contactId: action.contactId });
  return null;
}

export function formErrorsView(form: FormView, errors: FieldErrors): View {
  const known = new Set(form.fields.map((f) => f.id));
  const fields = [
    ...form.fields.filter((f) => errors[f.id]).map((f) => ({ label: f.label, value: errors[f.id] ?? '' })),
    // An error for a field the form does not show still deserves to be read.
    ...Object.entries(errors)
      .filter(([id]) => !known.has(id))
      .map(([, message]) => ({ label: 'Note', value: message })),
  ];
  const reopen = reopenActionFor(form.action);
  return {
    summary: 'Almost there: a few answers need more.',
    blocks: [
      { kind: 'text', text: 'Almost there. A few answers need a little more before this is sent:' },
      { kind: 'fields', fields },
      ...(reopen
        ? [
            { kind: 'context' as const, text: 'Nothing was sent yet: click Edit request to change your answers.' },
            { kind: 'actions' as const, buttons: [{ action: reopen, label: 'Edit request', style: 'primary' as const }] },
          ]
        : []),
    ],
  };
}
