import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReportsQuery, reportApiPath, reportsHref } from '../../web/src/report-query.js';

describe('reports page address', () => {
  it('parseReportsQuery() reads the period and a stored report id, dropping bad weeks', () => {
    assert.deepEqual(parseReportsQuery('from=2030-01-07T00:00:00Z&to=1893888000000&weeks=4'), { from: '2030-01-07T00:00:00Z', to: '1893888000000', weeks: 4 });
    assert.deepEqual(parseReportsQuery('id=weekly-20300114T0700Z&weeks=99'), { id: 'weekly-20300114T0700Z' });
    assert.deepEqual(parseReportsQuery(''), {});
  });

  it('reportApiPath() asks for the period, or the stored report when there is an id', () => {
    assert.equal(reportApiPath({}), '/reports/improvement');
    assert.equal(reportApiPath({ from: '2030-01-07T00:00:00Z', weeks: 2 }), '/reports/improvement?from=2030-01-07T00%3A00%3A00Z&weeks=2');
    assert.equal(reportApiPath({ id: 'weekly-1', from: 'x' }), '/reports/weekly-1');
  });

  it('reportsHref() round-trips through parseReportsQuery()', () => {
    const query = { from: '2030-01-07T00:00:00Z', to: '2030-01-14T00:00:00Z', weeks: 3 };
    assert.deepEqual(parseReportsQuery(reportsHref(query).replace('#/reports?', '')), query);
    assert.equal(reportsHref({}), '#/reports');
  });
});
