import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryBus } from '../../src/bus/memory/memory-bus.js';
import type { Change } from '../../src/core/records.js';

const change = (id: string): Change => ({ id, service: 's', kind: 'deploy', timeMs: 1, description: '', source: 't' });

describe('MemoryBus', () => {
  it('delivers in publish order, one message at a time, and drains', async () => {
    const errors: unknown[] = [];
    const bus = new MemoryBus({ onError: (_t, e) => errors.push(e) });
    const seen: string[] = [];
    let concurrent = 0;
    bus.subscribe('changes', async (changes) => {
      concurrent += 1;
      assert.equal(concurrent, 1);
      await new Promise((r) => setTimeout(r, 1));
      seen.push(...changes.map((c) => c.id));
      concurrent -= 1;
    });
    bus.publish('changes', [change('1')]);
    bus.publish('changes', [change('2')]);
    assert.equal(bus.backlog(), 2);
    await bus.drain();
    assert.deepEqual(seen, ['1', '2']);
    assert.equal(bus.backlog(), 0);
  });

  it('reports a failing handler and keeps going', async () => {
    const errors: unknown[] = [];
    const bus = new MemoryBus({ onError: (_t, e) => errors.push(e) });
    const seen: string[] = [];
    bus.subscribe('changes', (changes) => {
      if (changes[0]?.id === 'bad') throw new Error('boom');
      seen.push(changes[0]!.id);
    });
    bus.publish('changes', [change('bad')]);
    bus.publish('changes', [change('ok')]);
    await bus.drain();
    assert.deepEqual(seen, ['ok']);
    assert.equal(errors.length, 1);
  });
});
