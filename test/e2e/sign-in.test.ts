/**
 * In a real browser against opsloop with sign-in on and an admin from the configuration
 * (docs/access.md): a wrong password and a locked-out name say so, the right one signs in,
 * the tokens page creates a token whose secret is shown once and works as a Bearer token,
 * revoking it stops it at once, and signing out returns to the login page. An admin adds a
 * team and a responder in it, sets their password, and that person signs in with their role
 * and changes their own password.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { onPage, skip, STEP_TIMEOUT_MS, useBrowserPlatform } from '../support/browser-platform.js';

const PASSWORD = 'correct horse battery staple';
const platform = useBrowserPlatform('opsloop-e2e-sign-in-', { auth: { enabled: true, admin: { id: 'root', password: PASSWORD }, lockout: { maxFailures: 2 } } });

test('web UI: sign in, create a token shown once, revoke it, sign out', { skip, timeout: 120_000 }, async () => {
  const { opsloop, browser } = platform.started();
  const origin = new URL(opsloop.apiUrl).origin;
  const asBearer = (secret: string) => fetch(`${opsloop.apiUrl}/api/v1/auth/session`, { headers: { authorization: `Bearer ${secret}` } });

  await onPage(browser, { width: 1280, height: 900 }, async (page) => {
    await page.goto(`${origin}/#/incidents`);
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.equal(await page.getByRole('link', { name: 'Incidents' }).count(), 0, 'nothing of the platform before sign-in');

    const signIn = (user: string, password: string) => submitSignIn(page, user, password);
    const loginError = page.getByTestId('login-error');

    assert.equal(await signIn('root', 'not the password at all'), 401);
    await loginError.waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.equal(await loginError.textContent(), 'Wrong user or password.');

    // Two failures lock a name (lockout.maxFailures: 2); the next attempt says for how long.
    assert.equal(await signIn('mallory', 'guess one'), 401);
    assert.equal(await signIn('mallory', 'guess two'), 401);
    assert.equal(await signIn('mallory', 'guess three'), 429);
    await page.getByText(/^Locked out: too many failed logins for this user; try again in \d+ s$/).waitFor({ timeout: STEP_TIMEOUT_MS });

    assert.equal(await signIn('root', PASSWORD), 200);
    const menu = page.getByTestId('user-menu');
    await menu.waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.match((await menu.locator('summary').textContent()) ?? '', /root\s*admin/);
    await page.getByRole('link', { name: 'Incidents' }).waitFor({ timeout: STEP_TIMEOUT_MS });

    // A reload keeps the session: the CSRF token comes back from GET /api/v1/auth/session.
    await page.reload();
    await menu.locator('summary').click({ timeout: STEP_TIMEOUT_MS });
    await menu.getByRole('link', { name: 'API tokens' }).click();

    // Creating a token is a change made with the session cookie: it only works with the CSRF header.
    const tokenForm = page.getByRole('form', { name: 'New token' });
    await tokenForm.getByLabel('Token name').fill('e2e reader');
    await tokenForm.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByRole('region', { name: 'New token secret' });
    await shown.waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.match((await shown.textContent()) ?? '', /shown only this once/);
    const secret = await shown.getByLabel('Token secret').inputValue();
    assert.ok(secret.length >= 32, `a secret, got "${secret}"`);
    const asToken = (await (await asBearer(secret)).json()) as { kind: string; scopes: string[] };
    assert.equal(asToken.kind, 'token');
    assert.deepEqual(asToken.scopes, ['read']);

    await shown.getByRole('button', { name: 'I have stored it' }).click();
    await shown.waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
    assert.ok(!(await page.content()).includes(secret), 'the secret is gone from the page once dismissed');

    const row = page.getByTestId('token-row').filter({ hasText: 'e2e reader' });
    await row.getByTestId('token-state').filter({ hasText: 'active' }).waitFor({ timeout: STEP_TIMEOUT_MS });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByTestId('token-state').filter({ hasText: 'revoked' }).waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.equal((await asBearer(secret)).status, 401, 'a revoked token stops working at once');

    await menu.locator('summary').click();
    await menu.getByRole('button', { name: 'Sign out' }).click();
    await form.waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.match(page.url(), /#\/login$/);
    await page.reload();
    await form.waitFor({ timeout: STEP_TIMEOUT_MS });
  });
});

test('web UI: an admin adds a team and a responder in it, who then signs in with that role', { skip, timeout: 120_000 }, async () => {
  const { opsloop, browser } = platform.started();
  await onPage(browser, { width: 1280, height: 900 }, async (page) => {
    await page.goto(`${new URL(opsloop.apiUrl).origin}/#/teams`);
    assert.equal(await submitSignIn(page, 'root', PASSWORD), 200);
    const teamForm = page.getByRole('form', { name: 'New team' });
    await teamForm.getByLabel('New team id').fill('payments');
    await teamForm.getByLabel('New team name').fill('Payments');
    await teamForm.getByRole('button', { name: 'Add team' }).click();
    await page.getByTestId('team-row').filter({ hasText: 'Payments' }).waitFor({ timeout: STEP_TIMEOUT_MS });

    await page.getByRole('link', { name: 'Users →' }).click();
    const userForm = page.getByRole('form', { name: 'New user' });
    await userForm.getByLabel('New user id').fill('ana');
    await userForm.getByLabel('New user name').fill('Ana Responder');
    await userForm.getByLabel('New user role').selectOption('responder');
    await userForm.getByRole('button', { name: 'Add user' }).click();
    const row = page.getByTestId('user-row').filter({ hasText: 'Ana Responder' });
    await row.waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.equal(await row.getByLabel('Role of ana').inputValue(), 'responder');
    await row.getByLabel('Payments').check();
    await row.getByRole('button', { name: 'Save' }).click();
    await row.getByRole('button', { name: 'Save' }).and(page.locator(':disabled')).waitFor({ timeout: STEP_TIMEOUT_MS });
    await row.getByRole('button', { name: 'Set password…' }).click();
    await row.getByLabel('New password of ana').fill('ana has a long passphrase');
    await row.getByRole('button', { name: 'Set', exact: true }).click();
    await row.getByRole('button', { name: 'Set password…' }).waitFor({ timeout: STEP_TIMEOUT_MS });

    const ana = (await (await fetch(`${opsloop.apiUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'ana', password: 'ana has a long passphrase' }),
    })).json()) as { role: string; teams: string[]; scopes: string[] };
    assert.equal(ana.role, 'responder');
    assert.deepEqual(ana.teams, ['payments']);
    assert.deepEqual([...ana.scopes].sort(), ['read', 'respond']);

    const menu = page.getByTestId('user-menu');
    await menu.locator('summary').click();
    await menu.getByRole('button', { name: 'Sign out' }).click();
    assert.equal(await submitSignIn(page, 'ana', 'ana has a long passphrase'), 200);
    await menu.locator('summary').click({ timeout: STEP_TIMEOUT_MS });
    assert.match((await menu.textContent()) ?? '', /Ana Responder\s*responder.*teams payments/s);
    assert.equal(await menu.getByRole('link', { name: 'Users' }).count(), 0, 'no admin pages in a responder\'s menu');

    // People change their own password with the current one; their sessions end with it.
    await menu.getByRole('link', { name: 'Change password' }).click();
    const change = page.getByRole('form', { name: 'Change password' });
    await change.getByLabel('Current password').fill('ana has a long passphrase');
    await change.getByLabel('New password', { exact: true }).fill('ana chose a new passphrase');
    await change.getByLabel('Repeat new password').fill('ana chose a new passphrase');
    await change.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed.').waitFor({ timeout: STEP_TIMEOUT_MS });
    const relogin = await fetch(`${opsloop.apiUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'ana', password: 'ana chose a new passphrase' }),
    });
    assert.equal(relogin.status, 200);
  });
});

/** Fills and submits the login form; answers the status of the login call it made. */
async function submitSignIn(page: Page, user: string, password: string): Promise<number> {
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('User').fill(user, { timeout: STEP_TIMEOUT_MS });
  await form.getByLabel('Password').fill(password);
  const [answer] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/login'), { timeout: STEP_TIMEOUT_MS }),
    form.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  return answer.status();
}
