/**
 * Signed approval links (docs/runbooks.md "Approvals"): a notification carries a URL with a
 * token naming one execution and an expiry, signed with HMAC-SHA256 under a key kept in the
 * store (made at first use). A link cannot be forged or moved to another execution, stops at
 * its expiry, and is single-use because an approval can be decided only once.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { RunbookRepository } from '../../store/store.js';

const KEY_STATE = 'approval_link_key';

export class ApprovalLinks {
  readonly #key: Buffer;

  constructor(repository: RunbookRepository) {
    let key = repository.state(KEY_STATE);
    if (key === undefined) {
      key = randomBytes(32).toString('base64url');
      repository.setState(KEY_STATE, key);
    }
    this.#key = Buffer.from(key, 'base64url');
  }

  token(executionId: string, expiresMs: number): string {
    const payload = `${Buffer.from(executionId).toString('base64url')}.${expiresMs}`;
    return `${payload}.${this.#sign(payload)}`;
  }

  /** The execution a token names, or why it is refused. */
  verify(token: string, nowMs: number): { executionId: string } | { refused: string } {
    const [id, expires, signature] = token.split('.');
    if (id === undefined || expires === undefined || signature === undefined || !/^\d+$/.test(expires)) return { refused: 'the approval link is malformed' };
    const expected = Buffer.from(this.#sign(`${id}.${expires}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { refused: 'the approval link is not valid' };
    if (Number(expires) <= nowMs) return { refused: 'the approval link has expired' };
    return { executionId: Buffer.from(id, 'base64url').toString() };
  }

  #sign(payload: string): string {
    return createHmac('sha256', this.#key).update(payload).digest('base64url');
  }
}
