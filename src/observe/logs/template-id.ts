/**
 * Template ids: a hash of the text a template was created with. Pure and deterministic, so
 * the same stream mined twice (or by two replicas) names its templates the same way, and an
 * id outlives the refinements of its template.
 *
 * FNV-1a, 32 bits (Fowler, Noll & Vo): fast and well spread for short strings; not for
 * security. Collisions are resolved by a suffix in creation order.
 */

function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function templateId(creationText: string, taken: (id: string) => boolean): string {
  const base = `t${fnv1a32(creationText).toString(16).padStart(8, '0')}`;
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!taken(id)) return id;
  }
}
