/**
 * A real opsloop (embedded store in a temporary directory, ports picked by the OS) and Debian's
 * chromium through playwright-core, started once per browser test file. Nothing is downloaded.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startOpsloop, type RunningOpsloop } from '../../src/app/start.js';
import { ConfigSchema, type ConfigInput } from '../../src/core/config.js';

const CHROMIUM = '/usr/bin/chromium';
const WEB_INDEX = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url));
export const STEP_TIMEOUT_MS = 15_000;

// Developers without chromium may skip; CI must not, so there a missing browser fails below.
export const skip = !existsSync(CHROMIUM) && !process.env['CI'] ? `${CHROMIUM} is missing (apt-get install -y chromium); browser test skipped` : false;

export interface BrowserPlatform {
  /** The running platform and browser; fails the test if `before` did not start them. */
  started(): { opsloop: RunningOpsloop; browser: Browser };
}

/**
 * Registers `before`/`after` hooks of the calling test file; `prefix` names its data directory.
 * Sign-in is off unless `auth` turns it on (test/e2e/sign-in.test.ts).
 */
export function useBrowserPlatform(prefix: string, options: { auth?: ConfigInput['auth'] } = {}): BrowserPlatform {
  let dataDir: string | undefined;
  let opsloop: RunningOpsloop | undefined;
  let browser: Browser | undefined;

  before(async () => {
    if (skip) return;
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: CI must install it (apt-get install -y chromium)`);
    assert.ok(existsSync(WEB_INDEX), `web/dist/index.html is missing: run \`npm run build\` before the browser test`);
    dataDir = mkdtempSync(join(tmpdir(), prefix));
    const config = ConfigSchema.parse({ dataDir, api: { port: 0 }, otlp: { port: 0 }, auth: options.auth ?? { enabled: false } });
    opsloop = await startOpsloop(config, { logger: false });
    // playwright-core's launch() gives every browser a fresh temporary profile.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  });

  after(async () => {
    await browser?.close();
    await opsloop?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  return {
    started() {
      assert.ok(opsloop && browser);
      return { opsloop, browser };
    },
  };
}

/** Runs `work` on a new page of `browser`, then closes it; fails the test if the page threw. */
export async function onPage(browser: Browser, viewport: { width: number; height: number }, work: (page: Page) => Promise<void>): Promise<void> {
  const page = await browser.newPage({ viewport });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await work(page);
    assert.deepEqual(pageErrors, [], 'the page threw errors');
  } finally {
    await page.close();
  }
}
