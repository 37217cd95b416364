import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ServiceMiners, type MinerSnapshots } from '../../../src/app/logs/service-miners.js';
import type { MinerSnapshot } from '../../../src/observe/logs/index.js';

/** Snapshots kept as JSON text, as the store keeps them. */
class MemorySnapshots implements MinerSnapshots {
  readonly saved = new Map<string, string>();
  saves = 0;

  load(service: string): unknown {
    const text = this.saved.get(service);
    return text === undefined ? undefined : JSON.parse(text);
  }

  save(entries: ReadonlyArray<{ service: string; snapshot: MinerSnapshot }>): void {
    this.saves++;
    for (const { service, snapshot } of entries) this.saved.set(service, JSON.stringify(snapshot));
  }
}

describe('ServiceMiners', () => {
  it('gives each service its own miner', () => {
    const miners = new ServiceMiners({ snapshots: new MemorySnapshots(), maxLive: 10 });
    miners.minerOf('cart').add('user 1 logged in');
    assert.equal(miners.minerOf('cart').add('user 2 logged in')?.change, 'matched');
    assert.equal(miners.minerOf('payments').add('user 3 logged in')?.change, 'created');
  });

  it('keeps at most maxLive miners, saving the least recently used one and restoring it when its service returns', () => {
    const snapshots = new MemorySnapshots();
    const miners = new ServiceMiners({ snapshots, maxLive: 1 });
    const first = miners.minerOf('cart').add('Cache warmed for region north');
    miners.minerOf('cart').add('Cache warmed for region south');
    miners.minerOf('payments').add('charge 12 accepted');
    assert.deepEqual([...snapshots.saved.keys()], ['cart'], 'cart was saved when payments pushed it out');
    const again = miners.minerOf('cart').add('Cache warmed for region east');
    assert.equal(again?.change, 'matched');
    assert.equal(again?.templateId, first?.templateId);
    assert.equal(again?.template, 'Cache warmed for region <*>');
  });

  it('saveChanged() saves only miners that learned since their last save', () => {
    const snapshots = new MemorySnapshots();
    const miners = new ServiceMiners({ snapshots, maxLive: 10 });
    miners.minerOf('cart').add('a 1');
    miners.minerOf('payments').add('b 2');
    miners.saveChanged();
    assert.deepEqual([...snapshots.saved.keys()].sort(), ['cart', 'payments']);
    snapshots.saved.clear();
    miners.minerOf('payments').add('b 3');
    miners.saveChanged();
    assert.deepEqual([...snapshots.saved.keys()], ['payments']);
    miners.saveChanged();
    assert.equal(snapshots.saves, 2, 'nothing learned, nothing written');
  });

  it('starts a fresh miner, and reports it, when a snapshot is corrupt', () => {
    const snapshots = new MemorySnapshots();
    snapshots.saved.set('cart', '{"version":999}');
    const errors: string[] = [];
    const miners = new ServiceMiners({ snapshots, maxLive: 10, onSnapshotError: (service) => errors.push(service) });
    assert.equal(miners.minerOf('cart').add('hello 1')?.change, 'created');
    assert.deepEqual(errors, ['cart']);
  });

  it('rejects a maxLive that is not a positive integer', () => {
    assert.throws(() => new ServiceMiners({ snapshots: new MemorySnapshots(), maxLive: 0 }), /maxLive must be a positive integer, got 0/);
  });
});
