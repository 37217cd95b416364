/**
 * Orders version strings well enough to pick the nearest fixed version, across ecosystems:
 * numbers compare as numbers, "~" sorts before everything (Debian's pre-releases, dpkg's
 * rule), an epoch ("1:") counts first, and outside OS packages a "-letters" suffix is a
 * pre-release that sorts before the release (SemVer 2.0.0 §11) and "+build" is ignored.
 * Not a full implementation of any one ecosystem's rules: Maven qualifiers or PEP 440
 * post-releases can order differently, which only changes which fix is proposed first.
 */

const DISTRO = new Set(['deb', 'apk', 'rpm']);

export function compareVersions(a: string, b: string, ecosystem?: string): number {
  const distro = ecosystem !== undefined && DISTRO.has(ecosystem);
  const [epochA, restA] = splitEpoch(a);
  const [epochB, restB] = splitEpoch(b);
  if (epochA !== epochB) return epochA < epochB ? -1 : 1;
  const ta = tokens(restA, distro);
  const tb = tokens(restB, distro);
  for (let i = 0; ; i++) {
    const x = ta[i];
    const y = tb[i];
    if (x === undefined && y === undefined) return 0;
    if (x === '~' || y === '~') {
      if (x === y) continue;
      return x === '~' ? -1 : 1;
    }
    if (x === undefined) return !distro && y === '-' ? 1 : -1;
    if (y === undefined) return !distro && x === '-' ? -1 : 1;
    if (x === y) continue;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) return compareDigits(x, y);
    if (nx !== ny) return nx ? 1 : -1;
    return x < y ? -1 : 1;
  }
}

/** The smallest of `candidates` at or above every one of `installed`; undefined when none is. */
export function nearestAtOrAbove(candidates: readonly string[], installed: readonly string[], ecosystem?: string): string | undefined {
  const floor = [...installed].sort((p, q) => compareVersions(p, q, ecosystem)).at(-1);
  const sorted = [...new Set(candidates)].sort((p, q) => compareVersions(p, q, ecosystem));
  return floor === undefined ? sorted[0] : sorted.find((v) => compareVersions(v, floor, ecosystem) >= 0);
}

function splitEpoch(version: string): [number, string] {
  const text = version.trim().replace(/^v(?=\d)/i, '');
  const match = /^(\d+):(.*)$/.exec(text);
  return match ? [Number(match[1]), match[2] as string] : [0, text];
}

function tokens(version: string, distro: boolean): string[] {
  const text = distro ? version : version.replace(/\+.*$/, '');
  return (text.match(/\d+|[A-Za-z]+|~|-/g) ?? []).map((t) => t.toLowerCase());
}

function compareDigits(x: string, y: string): number {
  const p = x.replace(/^0+(?=\d)/, '');
  const q = y.replace(/^0+(?=\d)/, '');
  if (p.length !== q.length) return p.length < q.length ? -1 : 1;
  return p === q ? 0 : p < q ? -1 : 1;
}
