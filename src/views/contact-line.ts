import type { PublicContact, Strength } from '../domain.ts';

export const STRENGTH_WORDS: Record<Strength, string> = {
  close: 'knows them well',
  known: 'knows them',
  acquainted: 'has met them',
};

/** The same, said to the owner himself. */
export const OWNER_STRENGTH_WORDS: Record<Strength, string> = {
  close: 'You know them well',
  known: 'You know them',
  acquainted: 'You have met them',
};

/** "Head of Payments at Acme · Lisbon" — public fields only. */
export function contactHeadline(c: PublicContact): string {
  const role = c.title && c.company ? `${c.title} at ${c.company}` : (c.title ?? c.company ?? '');
  return [role, c.location ?? ''].filter((s) => s.length > 0).join(' · ');
}
