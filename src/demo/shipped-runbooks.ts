/**
 * Where the runbooks shipped for the demo live (runbooks/demo in the repository and the
 * package): `opsloop demo` loads them unless runbooks.dir is configured. Searched upwards
 * because this file runs both from src/demo (tsx) and from dist/src/demo (built).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function shippedRunbooksDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    const candidate = join(dir, 'runbooks', 'demo');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}
