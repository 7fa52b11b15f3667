/** What reading one optional answer gave (before it is checked against its typed schema). */
export type Reading =
  /** Understood with certainty: `value` is the typed value. */
  | { kind: 'read'; value: unknown }
  /** Part understood: `value` for the typed key when it can hold a part (absent otherwise). */
  | { kind: 'partial'; value?: unknown; understood: unknown }
  /** Read as something the field cannot hold (`understood`: what was read, when one value). */
  | { kind: 'implausible'; understood?: unknown }
  /** Not understood with certainty. */
  | { kind: 'text' };

export const KEEP_AS_TEXT: Reading = { kind: 'text' };

export type PlainObject = Record<string, unknown>;

export { isPlainObject } from '../plain-object';

export function hasOwn(container: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(container, key);
}
