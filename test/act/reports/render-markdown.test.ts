import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { improvementReport } from '../../../src/act/reports/improvement-report.js';
import { renderReportMarkdown } from '../../../src/act/reports/render-markdown.js';
import { HOUR, PERIOD, TO, WORLD, arraySource } from './report-world.js';

const markdown = renderReportMarkdown(improvementReport(arraySource(), { period: PERIOD, weeks: 2, generatedMs: TO + HOUR }));

describe('renderReportMarkdown()', () => {
  it('titles the period and has a section per figure', () => {
    assert.ok(markdown.startsWith('# Improvement report: 2030-01-07 to 2030-01-14\n'));
    for (const heading of ['## Summary', '## Noisiest alerts', '## Noisiest sources', '## Alerts never acted on', '## MTTA and MTTR trends', '## Recurring problems', '## Automation', '## On-call load']) {
      assert.ok(markdown.includes(`\n${heading}\n`), `missing ${heading}`);
    }
  });

  it('writes the figures into tables', () => {
    assert.ok(markdown.includes('| Alerts | 8 | 4 |'));
    assert.ok(markdown.includes('| MTTA (mean) | 10m | 10m |'));
    assert.ok(markdown.includes('| HighLatency | checkout | alertmanager | 5 | 1 | 63% | 1 | 40% |'));
    assert.ok(markdown.includes('2 of 5 alerts that fired and resolved in the period (40%) were never acted on'));
    assert.ok(markdown.includes('| all incidents | 1h / 1h / 1h (1) | 1h / 1h / 1h 24m (3) |'), markdown);
    assert.ok(markdown.includes('| db disk fills up (prb_disk) | known_error | 1 | 2 |'));
    assert.ok(markdown.includes('\nNo runbook executions recorded.\n'));
    assert.ok(markdown.includes('| Ana | Europe/Berlin | 4 | 2 | 2 | 1 |'));
  });

  it('escapes pipes and newlines so a name cannot break a table', () => {
    const world = { ...WORLD, alerts: WORLD.alerts.map((a) => (a.id === 'e1' ? { ...a, name: 'error | ratio\nup' } : a)) };
    const text = renderReportMarkdown(improvementReport(arraySource(world), { period: PERIOD, weeks: 1, generatedMs: TO }));
    assert.ok(text.includes('| error \\| ratio up | cart | detector | 1 |'));
  });
});
