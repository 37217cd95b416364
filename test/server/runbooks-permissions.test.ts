/**
 * Who may do what with runbooks when sign-in is on (docs/runbooks.md "Approvals"): editing
 * runbooks and the kill switch need admin, starting needs respond, approving also one of the
 * runbook's approver roles or users; signed approval links still need a signed-in approver,
 * are bound to their execution, and work once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApprovalLinks } from '../../src/app/runbooks/approval-links.js';
import type { Execution } from '../../src/core/runbook-api.js';
import { bearer, startAuthHarness, type AuthHarness } from './auth/auth-harness.js';

const ADMIN_ONLY = `id: admin-only
name: Needs an admin's approval
approval: { roles: [admin], users: [responder] }
limits: { concurrent: 5, perTarget: 5 }
steps:
  - { id: w, type: wait, seconds: 0.01 }
`;
const STRICT = ADMIN_ONLY.replace('id: admin-only', 'id: strict').replace('users: [responder]', 'users: []');

describe('runbook permissions', () => {
  let h: AuthHarness;
  before(async () => {
    h = await startAuthHarness();
    for (const source of [ADMIN_ONLY, STRICT]) {
      const created = await h.app.inject({ method: 'POST', url: '/api/v1/runbooks', headers: bearer(h.tokens.admin), payload: { source } });
      assert.equal(created.statusCode, 201, created.body);
    }
  });
  after(() => h.close());

  const start = async (role: 'viewer' | 'responder' | 'admin', id = 'strict') => h.app.inject({ method: 'POST', url: `/api/v1/runbooks/${id}/executions`, headers: bearer(h.tokens[role]), payload: {} });

  it('lets only admins edit runbooks and the kill switch, and respond start executions', async () => {
    const edit = await h.app.inject({ method: 'POST', url: '/api/v1/runbooks', headers: bearer(h.tokens.responder), payload: { source: STRICT.replace('id: strict', 'id: other') } });
    assert.equal(edit.statusCode, 403);
    const kill = await h.app.inject({ method: 'PUT', url: '/api/v1/runbook-kill-switch', headers: bearer(h.tokens.responder), payload: { engaged: true } });
    assert.equal(kill.statusCode, 403);
    assert.equal((await start('viewer')).statusCode, 403);
    assert.equal((await start('responder')).statusCode, 201);
  });

  it("approves only as one of the runbook's roles or users", async () => {
    const waiting = (await start('responder')).json<{ execution: Execution }>().execution;
    const asResponder = await h.app.inject({ method: 'POST', url: `/api/v1/runbook-executions/${waiting.id}/approve`, headers: bearer(h.tokens.responder) });
    assert.equal(asResponder.statusCode, 403);
    assert.match(asResponder.json<{ message: string }>().message, /approved by role admin; responder .*is neither/);
    const asAdmin = await h.app.inject({ method: 'POST', url: `/api/v1/runbook-executions/${waiting.id}/approve`, headers: bearer(h.tokens.admin) });
    assert.equal(asAdmin.statusCode, 200, asAdmin.body);
    assert.match(asAdmin.json<{ execution: Execution }>().execution.approval?.decidedBy ?? '', /^admin/);

    // Named as an approver user, a responder may approve.
    const named = (await start('responder', 'admin-only')).json<{ execution: Execution }>().execution;
    const byUser = await h.app.inject({ method: 'POST', url: `/api/v1/runbook-executions/${named.id}/reject`, headers: bearer(h.tokens.responder), payload: { comment: 'no' } });
    assert.equal(byUser.statusCode, 200, byUser.body);
    assert.equal(byUser.json<{ execution: Execution }>().execution.status, 'rejected');
    await h.engine.runbooks.executions.idle();
  });

  it('takes a decision through a signed link once, from a signed-in approver', async () => {
    const waiting = (await start('responder')).json<{ execution: Execution }>().execution;
    const links = new ApprovalLinks(h.store.runbooks);
    const token = links.token(waiting.id, waiting.approval?.expiresMs ?? 0);
    const url = `/api/v1/runbook-approvals/${encodeURIComponent(token)}`;
    assert.equal((await h.app.inject({ method: 'POST', url, payload: { decision: 'approve' } })).statusCode, 401);
    const shown = await h.app.inject({ url, headers: bearer(h.tokens.viewer) });
    assert.equal(shown.json<{ execution: Execution }>().execution.id, waiting.id);
    const forged = await h.app.inject({ method: 'POST', url: `/api/v1/runbook-approvals/${encodeURIComponent(`${token.slice(0, -2)}xx`)}`, headers: bearer(h.tokens.admin), payload: { decision: 'approve' } });
    assert.equal(forged.statusCode, 403);
    const approved = await h.app.inject({ method: 'POST', url, headers: bearer(h.tokens.admin), payload: { decision: 'approve' } });
    assert.equal(approved.statusCode, 200, approved.body);
    const reused = await h.app.inject({ method: 'POST', url, headers: bearer(h.tokens.admin), payload: { decision: 'reject' } });
    assert.equal(reused.statusCode, 409);
    await h.engine.runbooks.executions.idle();
    const audit = h.store.audit.list({ subjectKind: 'runbook_execution', subjectId: waiting.id }).map((entry) => entry.action);
    assert.ok(audit.includes('runbook.execution.link'), audit.join(', '));
  });
});
