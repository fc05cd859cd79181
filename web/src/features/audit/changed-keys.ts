type Snapshot = Record<string, unknown> | null;

/**
 * Top-level keys whose values differ between the before and after snapshots of an audit entry
 * (a key present on one side only counts as changed). Compared as JSON, so key order inside
 * nested objects matters; snapshots are written by one serializer, so that is stable.
 */
export function changedKeys(before: Snapshot, after: Snapshot): Set<string> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changed = new Set<string>();
  for (const key of keys) {
    const inBefore = before !== null && Object.hasOwn(before, key);
    const inAfter = after !== null && Object.hasOwn(after, key);
    if (inBefore !== inAfter || JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key])) changed.add(key);
  }
  return changed;
}
