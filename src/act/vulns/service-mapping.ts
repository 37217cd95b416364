/**
 * Which services a scanned target belongs to, from the service catalog: an image listed in a
 * service's `images` (any tag), its `repository` URL, or a target named like the service
 * (an SBOM's component name, a directory). Failing those, an image whose last path segment is
 * a service's name (ghcr.io/acme/cart → cart), the usual convention. Pure.
 */
import type { TargetKind } from '../../core/findings-api.js';
import type { CatalogEntry } from '../../core/incident-api.js';
import { normaliseImage, normaliseRepository } from './target-name.js';

export function servicesOfTarget(target: { name: string; kind: TargetKind }, catalog: ReadonlyMap<string, CatalogEntry | undefined>): string[] {
  const explicit: string[] = [];
  for (const [service, entry] of catalog) {
    const images = (entry?.images ?? []).map(normaliseImage);
    const byImage = (target.kind === 'image' || target.kind === 'sbom') && images.includes(normaliseImage(target.name));
    const byRepository = target.kind === 'repository' && entry?.repository !== undefined && normaliseRepository(entry.repository) === target.name;
    if (byImage || byRepository || service === target.name) explicit.push(service);
  }
  if (explicit.length > 0) return explicit.sort();
  const last = target.name.split('/').at(-1);
  return target.kind === 'image' && last !== undefined && catalog.has(last) ? [last] : [];
}
