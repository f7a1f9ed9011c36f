// A member's own profile: for now, the email address the owner uses for them
// in email intros (instead of "add Alice's address"). Only the owner sees it.
//   /profile                      shows what is on file
//   /profile email you@example.com
//   /profile email none           removes it
import { z } from 'zod';
import type { Actor } from '../domain.ts';
import { type CoreContext, type Membership, nowIso, requireMember, who } from '../context.ts';
import { DomainError } from '../errors.ts';
import { message } from '../views/notices.ts';
import type { View } from '../views/view.ts';

const emailSchema = z.string().trim().max(254).pipe(z.email());
const USAGE = 'Usage: /profile email you@example.com (or /profile email none to remove it).';

export function profile(ctx: CoreContext<Membership>, actor: Actor, text: string): View {
  const member = requireMember(ctx, actor);
  const [field = '', ...rest] = text.trim().split(/\s+/);
  const value = rest.join(' ');
  const owner = ctx.policy.ownerName;
  if (field === '') {
    return message(
      member.email ? `Your email for intros: ${member.email}` : 'You have no email on file for intros.',
      `${owner} uses it only when introducing you by email. ${USAGE}`,
    );
  }
  if (field.toLowerCase() !== 'email' || value === '') throw new DomainError('invalid', USAGE);
  const remove = ['none', 'remove', '-'].includes(value.toLowerCase());
  const parsed = remove ? null : emailSchema.safeParse(value);
  if (parsed && !parsed.success) throw new DomainError('invalid', `That doesn't look like an email address. ${USAGE}`);
  const email = parsed ? parsed.data : null;
  return ctx.store.transaction(() => {
    const at = nowIso(ctx);
    ctx.store.setMemberEmail(member.id, email, at);
    // The address itself is not logged in the event: only that it changed.
    ctx.store.appendEvent({ at, actor: who(actor), kind: 'member.email_set', memberId: member.id, data: { removed: email === null } });
    return email
      ? message(`Saved: ${owner} will use ${email} when introducing you by email.`)
      : message('Removed: you have no email on file for intros.');
  });
}
