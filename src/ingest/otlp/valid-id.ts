/** A usable trace/span id: the right length in hex and not all zeros (the spec's invalid id). */
export function isValidId(id: string, hexLength: 32 | 16): boolean {
  return id.length === hexLength && !/^0+$/.test(id);
}
