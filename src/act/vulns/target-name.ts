/**
 * One spelling per scanned target, so a re-scan of the next build verifies the last one: an
 * image without tag or digest (and without Docker Hub's implicit docker.io/library/), a
 * repository URL without scheme, credentials, .git and trailing slash.
 */
import type { TargetKind } from '../../core/findings-api.js';

export function normaliseTarget(name: string, kind: TargetKind): string {
  const text = name.trim();
  if (kind === 'image') return normaliseImage(text);
  if (kind === 'repository') return normaliseRepository(text);
  return text;
}

export function normaliseImage(reference: string): string {
  // Trivy's targets add the OS: "ghcr.io/acme/cart:1.4.2 (alpine 3.18.4)".
  let name = reference.replace(/\s+\(.*\)$/, '').toLowerCase();
  name = name.replace(/@sha256:[0-9a-f]+$/, '');
  const lastSlash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  if (colon > lastSlash) name = name.slice(0, colon);
  name = name.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '');
  return name.replace(/^library\//, '');
}

export function normaliseRepository(url: string): string {
  let text = url.trim();
  // scp-like git@github.com:acme/shop.git
  const scp = /^[\w.-]+@([\w.-]+):(?!\/\/)(.+)$/.exec(text);
  if (scp) text = `${scp[1]}/${scp[2]}`;
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^[^@/]+@/, '');
  text = text.replace(/\/+$/, '').replace(/\.git$/i, '');
  const slash = text.indexOf('/');
  return slash < 0 ? text.toLowerCase() : text.slice(0, slash).toLowerCase() + text.slice(slash);
}
