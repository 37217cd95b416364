/**
 * Package identity across scanners, from Package URLs (purl spec,
 * https://github.com/package-url/purl-spec: pkg:type/namespace/name@version?qualifiers#subpath)
 * or, without one, from an ecosystem name and a package name. The key leaves out the version
 * (a finding outlives upgrades until it is fixed), qualifiers (arch, distro release) and, for OS
 * packages, the distro namespace, which scanners spell differently (debian vs debian-12).
 */

export interface PackageUrl {
  type: string;
  namespace?: string;
  name: string;
  version?: string;
}

/** Scanners' ecosystem words → purl types. */
const ECOSYSTEM_TYPES: Readonly<Record<string, string>> = {
  npm: 'npm', yarn: 'npm', pnpm: 'npm', 'node-pkg': 'npm', javascript: 'npm', bun: 'npm',
  pypi: 'pypi', pip: 'pypi', pipenv: 'pypi', poetry: 'pypi', 'python-pkg': 'pypi', python: 'pypi', uv: 'pypi',
  go: 'golang', golang: 'golang', gomod: 'golang', gobinary: 'golang', 'go-module': 'golang',
  maven: 'maven', jar: 'maven', pom: 'maven', gradle: 'maven', 'java-archive': 'maven', java: 'maven', sbt: 'maven',
  'crates.io': 'cargo', cargo: 'cargo', 'rust-binary': 'cargo', 'rust-crate': 'cargo',
  rubygems: 'gem', gem: 'gem', bundler: 'gem', gemspec: 'gem',
  nuget: 'nuget', 'dotnet-core': 'nuget', 'dotnet-deps': 'nuget', packagist: 'composer', composer: 'composer', 'php-composer': 'composer',
  debian: 'deb', ubuntu: 'deb', deb: 'deb',
  alpine: 'apk', apk: 'apk', wolfi: 'apk', chainguard: 'apk',
  redhat: 'rpm', centos: 'rpm', rocky: 'rpm', alma: 'rpm', amazon: 'rpm', oracle: 'rpm', fedora: 'rpm', suse: 'rpm', 'cbl-mariner': 'rpm', azurelinux: 'rpm', rpm: 'rpm',
  pub: 'pub', hex: 'hex', swift: 'swift', cocoapods: 'cocoapods', conan: 'conan',
};

/** OS package types, whose namespace is the distribution. */
const DISTRO_TYPES = new Set(['deb', 'apk', 'rpm']);

/** The purl type of a scanner's ecosystem word (Trivy's Type, Grype's artifact.type, OSV's ecosystem). */
export function purlType(ecosystem: string | undefined): string | undefined {
  if (ecosystem === undefined) return undefined;
  const word = ecosystem.trim().toLowerCase();
  // OSV ecosystems may carry a release: "Debian:12", "Alpine:v3.18".
  const base = word.split(':')[0] ?? word;
  return ECOSYSTEM_TYPES[base] ?? (base === '' ? undefined : base);
}

/** Parses a purl; undefined when the text is not one. */
export function parsePurl(text: string): PackageUrl | undefined {
  const match = /^pkg:([A-Za-z.+-][A-Za-z0-9.+-]*)\/+([^?#]+?)(?:\?[^#]*)?(?:#.*)?$/.exec(text.trim());
  if (!match) return undefined;
  const type = (match[1] as string).toLowerCase();
  let path = match[2] as string;
  let version: string | undefined;
  const at = path.lastIndexOf('@');
  // An @ at the start of the name part is an npm scope, not a version.
  if (at > 0 && path[at - 1] !== '/') {
    version = decode(path.slice(at + 1));
    path = path.slice(0, at);
  }
  const segments = path.split('/').filter((segment) => segment !== '').map(decode);
  const name = segments.pop();
  if (name === undefined || name === '') return undefined;
  return { type, ...(segments.length > 0 ? { namespace: segments.join('/') } : {}), name, ...(version ? { version } : {}) };
}

/** The version-less purl of a package: pkg:type/namespace/name. */
export function versionlessPurl(purl: PackageUrl): string {
  const path = [...(purl.namespace === undefined ? [] : purl.namespace.split('/')), purl.name].map((segment) => encodeURIComponent(segment)).join('/');
  return `pkg:${purl.type}/${path}`;
}

/**
 * The identity two scanners agree on for one package: `type/namespace/name` with the type from
 * the purl or the ecosystem, names normalised where the ecosystem says they are case- or
 * separator-insensitive (PyPI: PEP 503).
 */
export function packageKey(pkg: { name: string; ecosystem?: string; purl?: string }): string {
  const parsed = pkg.purl === undefined ? undefined : parsePurl(pkg.purl);
  const type = parsed?.type ?? purlType(pkg.ecosystem) ?? 'generic';
  let namespace = parsed?.namespace;
  let name = parsed?.name ?? pkg.name;
  if (parsed === undefined && type === 'maven' && name.includes(':')) {
    // Trivy and OSV name Maven packages group:artifact.
    const [group, artifact] = name.split(':');
    namespace = group;
    name = artifact ?? name;
  }
  if (DISTRO_TYPES.has(type)) namespace = undefined;
  if (type === 'pypi') name = name.toLowerCase().replace(/[-_.]+/g, '-');
  if (type === 'npm' || type === 'golang' || type === 'gem') name = name.toLowerCase();
  return [type, ...(namespace === undefined ? [] : [type === 'npm' ? namespace.toLowerCase() : namespace]), name].join('/');
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Whether two package keys name one package. A key without an ecosystem ("generic/…": SARIF
 * names only the package) matches any ecosystem's package of the same name.
 */
export function samePackage(a: string, b: string): boolean {
  if (a === b) return true;
  const [typeA, ...restA] = a.split('/');
  const [typeB, ...restB] = b.split('/');
  return (typeA === 'generic' || typeB === 'generic') && restA.join('/').toLowerCase() === restB.join('/').toLowerCase();
}
