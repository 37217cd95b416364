/**
 * Sets an own enumerable property even for keys such as `__proto__`, which plain assignment
 * would treat as the prototype: attribute keys come straight from the network.
 */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
