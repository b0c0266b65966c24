// Taking what a change made inside immer's produce() out of it, alive.
import { current, isDraft, type Draft } from 'immer';

/**
 * What a change returns may hold parts of immer's draft, which are dead once the change is
 * over: they are replaced by their values while they can still be read.
 */
export function detached<T>(value: T): T {
  if (isDraft(value)) return current(value as Draft<T>) as T;
  if (Array.isArray(value)) return value.map(detached) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, detached(v)])) as T;
  }
  return value;
}
