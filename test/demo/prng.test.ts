import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng } from '../../src/demo/prng.js';

test('createRng() gives the same sequence for the same seed and a different one otherwise', () => {
  const draw = (seed: number) => Array.from({ length: 5 }, createRng(seed).next);
  const a = createRng(1);
  const first = [a.next(), a.next(), a.next()];
  const b = createRng(1);
  assert.deepEqual([b.next(), b.next(), b.next()], first);
  assert.notDeepEqual(draw(1), draw(2));
});

test('createRng() stays in range and fork() gives independent, reproducible streams', () => {
  const rng = createRng(99);
  for (let i = 0; i < 1000; i++) {
    const x = rng.next();
    assert.ok(x >= 0 && x < 1);
    const n = rng.int(3, 5);
    assert.ok(n >= 3 && n <= 5 && Number.isInteger(n));
  }
  assert.match(rng.hex(8), /^[0-9a-f]{16}$/);
  assert.equal(createRng(5).fork('x').next(), createRng(5).fork('x').next());
  assert.notEqual(createRng(5).fork('x').next(), createRng(5).fork('y').next());
});

test('createRng() logNormal() has the requested median and poisson() the requested mean', () => {
  const rng = createRng(3);
  const samples = Array.from({ length: 4001 }, () => rng.logNormal(50, 0.4)).sort((a, b) => a - b);
  const median = samples[2000] ?? 0;
  assert.ok(median > 46 && median < 54, `median ${median}`);
  const counts = Array.from({ length: 2000 }, () => rng.poisson(30));
  const mean = counts.reduce((s, c) => s + c, 0) / counts.length;
  assert.ok(mean > 29 && mean < 31, `mean ${mean}`);
});
