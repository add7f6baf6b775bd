// Repeated ids in a list, for the cross-checks of the scenario and its sections (each repeat is one
// issue at its own path).

/** The ids that occur more than once. */
export function duplicates(ids: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) (seen.has(id) ? repeated : seen).add(id);
  return repeated;
}
