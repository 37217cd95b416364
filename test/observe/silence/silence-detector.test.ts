import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SilenceDetector } from '../../../src/observe/silence/silence-detector.js';

describe('SilenceDetector', () => {
  it('fires once when a current service stops reporting, and resolves when it returns', () => {
    const detector = new SilenceDetector({ minSilenceMs: 60_000 });
    for (let t = 0; t <= 300_000; t += 5_000) {
      detector.seen('payment', t);
      detector.seen('cart', t);
      assert.deepEqual(detector.advance(t), []);
    }
    const fired = [];
    for (let t = 305_000; t <= 500_000; t += 5_000) {
      detector.seen('cart', t);
      fired.push(...detector.advance(t));
    }
    assert.equal(fired.length, 1);
    assert.equal(fired[0]?.service, 'payment');
    assert.equal(fired[0]?.status, 'firing');
    assert.equal(fired[0]?.timeMs, 300_000, 'onset is the last report');
    const back = detector.seen('payment', 505_000);
    assert.equal(back[0]?.status, 'resolved');
    assert.equal(back[0]?.fingerprint, fired[0]?.fingerprint);
  });

  it('allows a slow reporter its own rhythm', () => {
    const detector = new SilenceDetector({ minSilenceMs: 30_000 });
    const fired = [];
    for (let t = 0; t <= 3_600_000; t += 5_000) {
      if (t % 60_000 === 0) detector.seen('batch', t);
      detector.seen('web', t);
      fired.push(...detector.advance(t));
    }
    assert.deepEqual(fired, []);
  });

  it('never fires for a service whose data is backfilled behind the watermark', () => {
    const detector = new SilenceDetector({ minSilenceMs: 60_000 });
    detector.seen('live', 10_000_000);
    detector.advance(10_000_000);
    const fired = [];
    for (let t = 0; t < 600_000; t += 5_000) {
      detector.seen('old', t);
      fired.push(...detector.advance(10_000_000));
    }
    assert.deepEqual(fired, []);
  });
});
