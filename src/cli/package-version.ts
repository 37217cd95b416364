import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * opsloop's version from its package.json. Searched upwards because this file runs both from
 * src/cli (tsx) and from dist/src/cli (built), at different depths.
 */
export function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof manifest === 'object' && manifest !== null && 'name' in manifest && manifest.name === 'opsloop') {
        return 'version' in manifest && typeof manifest.version === 'string' ? manifest.version : '0.0.0';
      }
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}
