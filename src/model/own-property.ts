// Lookups by a user-supplied name (fact, parameter, node id, claim key) must see own properties only: with a plain
// object, `facts['toString']` is Object.prototype.toString, so a fact named toString passed `check` and then failed
// scoring in English, and `facts: {hasOwnProperty: null}` was accepted (issue 9).

/** `record[key]` when `key` is the record's own property, else undefined (never an inherited member). */
export function getOwn<T>(record: Readonly<Record<string, T>> | undefined | null, key: string): T | undefined {
  return record != null && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Whether `key` is an own property of `record`. */
export function hasOwn(record: object | undefined | null, key: string): boolean {
  return record != null && Object.prototype.hasOwnProperty.call(record, key);
}
