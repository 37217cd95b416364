import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CAPACITY_COLUMN, capacityData, capacityWindow } from '../../web/src/capacity-data.js';
import type { CapacityForecast } from '../../web/src/types.js';

const FORECAST: CapacityForecast = {
  key: 'process.memory.usage{service="cart",instance="cart-1"}',
  name: 'process.memory.usage',
  service: 'cart',
  instance: 'cart-1',
  resource: 'memory',
  limit: 10,
  limitFrom: 'k8s.container.memory.limit{service="cart",instance="cart-1"}',
  current: { timeMs: 2000, value: 6 },
  utilisation: 0.6,
  exhaustion: { exhaustedNow: false, expectedMs: 5000 },
  model: { kind: 'holt', stepMs: 1000 },
  history: [
    { timeMs: 1000, value: 5 },
    { timeMs: 2000, value: 6 },
  ],
  forecast: [
    { timeMs: 3000, value: 7, lower: 6, upper: 8 },
    { timeMs: 4000, value: 8, lower: 6.5, upper: 9.5 },
  ],
};

describe('capacity chart columns', () => {
  it('puts history then forecast on one axis, the forecast line and band starting at the last observation', () => {
    const columns = capacityData(FORECAST);
    assert.deepEqual(columns[0], [1000, 2000, 3000, 4000]);
    assert.deepEqual(columns[CAPACITY_COLUMN.history], [5, 6, null, null]);
    assert.deepEqual(columns[CAPACITY_COLUMN.forecast], [null, 6, 7, 8]);
    assert.deepEqual(columns[CAPACITY_COLUMN.lower], [null, 6, 6, 6.5]);
    assert.deepEqual(columns[CAPACITY_COLUMN.upper], [null, 6, 8, 9.5]);
  });

  it('spans the chart from the first history point to the last forecast point', () => {
    assert.deepEqual(capacityWindow(FORECAST), { fromMs: 1000, toMs: 4000 });
  });
});
