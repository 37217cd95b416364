/** GA and PA (bench/loghub/accuracy.ts) on hand-made cases whose scores follow from the definitions. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupingAccuracy, parsingAccuracy } from '../../bench/loghub/accuracy.js';
import { csvRecords, formatCsv, parseCsv } from '../../bench/loghub/read-csv.js';

// Ten lines, three ground-truth events: A (lines 0–3), B (4–6), C (7–9).
const truth = ['A', 'A', 'A', 'A', 'B', 'B', 'B', 'C', 'C', 'C'];

describe('groupingAccuracy()', () => {
  it('is 1 for a perfect grouping whatever the predicted names', () => {
    assert.equal(groupingAccuracy(truth, ['x', 'x', 'x', 'x', 'y', 'y', 'y', 'z', 'z', 'z']), 1);
  });
  it('counts no line of a group that is split, nor of the groups merged together', () => {
    // A split in two (0 of 4 right), B and C merged (0 of 6 right).
    assert.equal(groupingAccuracy(truth, ['a1', 'a1', 'a2', 'a2', 'bc', 'bc', 'bc', 'bc', 'bc', 'bc']), 0);
    // A right (4), B split (0), C right (3): 7 of 10.
    assert.equal(groupingAccuracy(truth, ['a', 'a', 'a', 'a', 'b1', 'b2', 'b2', 'c', 'c', 'c']), 0.7);
  });
  it('does not count a predicted group that holds only part of its ground-truth group', () => {
    // Lines 0–2 alone are one predicted group, line 3 joins C's: A is not reproduced, C is not either.
    assert.equal(groupingAccuracy(truth, ['a', 'a', 'a', 'c', 'b', 'b', 'b', 'c', 'c', 'c']), 0.3);
  });
});

describe('parsingAccuracy()', () => {
  it('is the share of lines whose template string is exactly the ground truth', () => {
    const t = ['Got <*>', 'Got <*>', 'Lost <*>', 'Lost <*>'];
    assert.equal(parsingAccuracy(t, ['Got <*>', 'Got <*>', 'Lost <*>', 'Lost <*>']), 1);
    assert.equal(parsingAccuracy(t, ['Got <*>', 'Got 1', 'Lost  <*>', 'Lost <*>']), 0.5);
  });
  it('refuses arrays of different lengths', () => {
    assert.throws(() => parsingAccuracy(['a'], []), RangeError);
    assert.throws(() => groupingAccuracy(['a'], []), RangeError);
  });
});

describe('Loghub file formats', () => {
  it('parses RFC 4180 CSV with quoted commas, quotes and line breaks, and writes it back', () => {
    const text = 'LineId,EventTemplate\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n';
    assert.deepEqual(parseCsv(text), [['LineId', 'EventTemplate'], ['1', 'a, b'], ['2', 'say "hi"'], ['3', 'two\nlines']]);
    assert.equal(formatCsv(['LineId', 'EventTemplate'], [['1', 'a, b'], ['2', 'say "hi"'], ['3', 'two\nlines']]), text);
    assert.deepEqual(csvRecords(text, ['EventTemplate'], 'x.csv')[0], { EventTemplate: 'a, b' });
    assert.throws(() => csvRecords(text, ['Content'], 'x.csv'), /x\.csv: no Content column/);
  });
});
