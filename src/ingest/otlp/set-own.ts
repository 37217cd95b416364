/**
 * Sets an own enumerable property even for the key `__proto__`, which plain assignment would
 * treat as the prototype: attribute keys come straight from the network. Every other key is
 * assigned plainly; defineProperty on each key would turn the object into a slow dictionary.
 */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
