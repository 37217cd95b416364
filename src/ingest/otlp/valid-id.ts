/** A usable trace/span id: the right length in hex and not all zeros (the spec's invalid id). */
export function isValidId(id: string, hexLength: 32 | 16): boolean {
  if (id.length !== hexLength) return false;
  // A loop rather than /^0+$/: this runs twice per span.
  for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) !== 48) return true;
  return false;
}
