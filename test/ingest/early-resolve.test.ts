import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EARLY_RESOLVE_GRACE_MS, decodeEarlyResolve, encodeEarlyResolve, isLateTrigger, isWithinWindow } from '../../src/ingest/early-resolve.js';

const NOW = Date.parse('2030-01-01T00:00:00Z');

describe('early-resolve (out-of-order) rule', () => {
  const resolvedMs = NOW;
  const early = decodeEarlyResolve(encodeEarlyResolve(resolvedMs));

  it('drops a trigger that happened before its resolve arrived, or within the grace after it', () => {
    assert.equal(isLateTrigger(early, resolvedMs - 3_600_000), true);
    assert.equal(isLateTrigger(early, resolvedMs + EARLY_RESOLVE_GRACE_MS - 1), true);
  });

  it('lets a later trigger open a new alert, and every trigger when no early resolve was seen', () => {
    assert.equal(isLateTrigger(early, resolvedMs + EARLY_RESOLVE_GRACE_MS), false);
    assert.equal(isLateTrigger(undefined, resolvedMs - 3_600_000), false);
  });

  it('ignores a stored state it cannot read', () => {
    assert.equal(decodeEarlyResolve('{"resolvedMs":"soon"}'), undefined);
    assert.equal(decodeEarlyResolve('not json'), undefined);
    assert.equal(decodeEarlyResolve(undefined), undefined);
  });

  it('counts a remembered resolve only within its window after it arrived', () => {
    const remembered = decodeEarlyResolve(encodeEarlyResolve(resolvedMs, resolvedMs + 1000));
    assert.ok(remembered);
    assert.equal(isWithinWindow(remembered, resolvedMs + 1000 + 3_600_000, 3_600_000), true);
    assert.equal(isWithinWindow(remembered, resolvedMs + 1001 + 3_600_000, 3_600_000), false);
  });
});
