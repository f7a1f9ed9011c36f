// One shared set of errors. Each carries a message that is safe and kind to show
// to the person who acted: no private contact data, no stack traces.

export type ErrorCode =
  | 'not_member'
  | 'not_owner'
  | 'not_found'
  | 'invalid'
  | 'limit'
  | 'conflict'
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', `That ${what} no longer exists.`);
export const ownerOnly = () => new DomainError('not_owner', 'Only the owner of this network can do that.');
