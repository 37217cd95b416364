import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Store } from '../../../src/store/store.js';
import { type OpenStore, T0, incident } from './fixtures.js';

/** Incident windows and paging, timeline authors, problems, postmortems and the catalog, on every engine. */
export function incidentManagementContract(open: OpenStore): void {
  describe('incident management repositories', () => {
    let store: Store;
    beforeEach(() => {
      store = open();
    });
    afterEach(() => store.close());

    it('IncidentRepository.list() selects incidents overlapping a range and pages after a cursor', () => {
      store.incidents.save(incident({ id: 'old', startedMs: T0, status: 'resolved', resolvedMs: T0 + 10 }));
      store.incidents.save(incident({ id: 'open', startedMs: T0 + 20 }));
      store.incidents.save(incident({ id: 'late', startedMs: T0 + 100, status: 'resolved', resolvedMs: T0 + 110 }));
      store.incidents.save(incident({ id: 'tie', startedMs: T0 + 100 }));
      const ids = (filter: Parameters<Store['incidents']['list']>[0]) => store.incidents.list(filter).map((i) => i.id);
      assert.deepEqual(ids({ overlapping: { fromMs: T0 + 11, toMs: T0 + 50 } }), ['open']);
      assert.deepEqual(ids({ overlapping: { fromMs: T0 + 10, toMs: T0 + 50 } }), ['open', 'old']);
      assert.deepEqual(ids({ overlapping: { fromMs: T0 + 200, toMs: T0 + 300 } }), ['tie', 'open']);
      assert.deepEqual(ids({}), ['tie', 'late', 'open', 'old']);
      assert.deepEqual(ids({ after: { startedMs: T0 + 100, id: 'tie' } }), ['late', 'open', 'old']);
      assert.deepEqual(ids({ after: { startedMs: T0 + 100, id: 'late' }, limit: 1 }), ['open']);
    });

    it('a reopened incident (resolvedMs gone) overlaps every later window again', () => {
      store.incidents.save(incident({ id: 'a', status: 'resolved', resolvedMs: T0 + 10 }));
      store.incidents.save(incident({ id: 'a', status: 'triggered' }));
      assert.deepEqual(store.incidents.list({ overlapping: { fromMs: T0 + 1000, toMs: T0 + 2000 } }).map((i) => i.id), ['a']);
    });

    it('timeline entries keep who wrote them', () => {
      store.incidents.save(incident({ id: 'a' }));
      store.incidents.appendTimeline({ incidentId: 'a', timeMs: T0, kind: 'note', message: 'hi', by: 'alice' });
      store.incidents.appendTimeline({ incidentId: 'a', timeMs: T0 + 1, kind: 'rca', message: 'cause' });
      assert.deepEqual(store.incidents.timeline('a'), [
        { incidentId: 'a', timeMs: T0, kind: 'note', message: 'hi', by: 'alice' },
        { incidentId: 'a', timeMs: T0 + 1, kind: 'rca', message: 'cause' },
      ]);
    });

    it('ProblemRepository links each incident to at most one problem, newest incident first', () => {
      store.incidents.save(incident({ id: 'i1', startedMs: T0 }));
      store.incidents.save(incident({ id: 'i2', startedMs: T0 + 5 }));
      const base = { status: 'open' as const, createdMs: T0, updatedMs: T0, incidentIds: [] };
      store.problems.save({ id: 'p1', title: 'one', ...base });
      store.problems.save({ id: 'p2', title: 'two', ...base, createdMs: T0 + 1, status: 'known_error', workaround: 'restart' });
      store.problems.link('p1', 'i1', T0);
      store.problems.link('p1', 'i2', T0);
      assert.deepEqual(store.problems.get('p1')?.incidentIds, ['i2', 'i1']);
      store.problems.link('p2', 'i1', T0);
      assert.deepEqual(store.problems.get('p1')?.incidentIds, ['i2']);
      assert.equal(store.problems.ofIncident('i1')?.workaround, 'restart');
      assert.deepEqual(store.problems.list().map((p) => p.id), ['p2', 'p1']);
      assert.deepEqual(store.problems.list({ status: ['known_error'] }).map((p) => p.id), ['p2']);
      assert.equal(store.problems.unlink('p2', 'i1'), true);
      assert.equal(store.problems.unlink('p2', 'i1'), false);
      assert.equal(store.problems.ofIncident('i1'), undefined);
      assert.equal(store.problems.get('missing'), undefined);
    });

    it('PostmortemRepository keeps one per incident and tells which incidents have one', () => {
      store.incidents.save(incident({ id: 'i1' }));
      store.incidents.save(incident({ id: 'i2' }));
      const postmortem = { incidentId: 'i1', status: 'draft' as const, markdown: '# x', createdMs: T0, updatedMs: T0, updatedBy: 'a' };
      store.postmortems.save(postmortem);
      store.postmortems.save({ ...postmortem, markdown: '# y', updatedMs: T0 + 1 });
      assert.equal(store.postmortems.get('i1')?.markdown, '# y');
      assert.equal(store.postmortems.get('i2'), undefined);
      assert.deepEqual([...store.postmortems.existing(['i1', 'i2', 'none'])], ['i1']);
    });

    it('CatalogRepository replaces an entry by service', () => {
      store.catalog.save('cart', { ownerTeam: 'a', runbooks: [] }, T0);
      store.catalog.save('cart', { ownerTeam: 'b', tier: 2, runbooks: [] }, T0 + 1);
      store.catalog.save('api', { runbooks: [{ title: 'r', url: 'https://x.example/r' }] }, T0);
      assert.deepEqual(store.catalog.get('cart'), { entry: { ownerTeam: 'b', tier: 2, runbooks: [] }, updatedMs: T0 + 1 });
      assert.deepEqual([...store.catalog.all().keys()], ['api', 'cart']);
      assert.equal(store.catalog.get('none'), undefined);
    });
  });
}
