/**
 * Link versions. A link's raw entries are migrated one version at a time before validation, so
 * old links keep working: LINK_MIGRATIONS[n - 1] turns a version-n link into a version-(n + 1)
 * link. A version 2 bumps LINK_VERSION and appends one function here.
 */
import type { ParamIssue } from './schema';

export const LINK_VERSION = 1;

export type LinkMigration = (
  entries: Readonly<Record<string, unknown>>,
  issues: ParamIssue[],
) => Record<string, unknown>;

export const LINK_MIGRATIONS: readonly LinkMigration[] = [];

export function migrate(
  entries: Readonly<Record<string, unknown>>,
  from: number,
  issues: ParamIssue[],
): Readonly<Record<string, unknown>> {
  let out = entries;
  for (let v = from; v < LINK_VERSION; v++) {
    const step = LINK_MIGRATIONS[v - 1];
    if (step) out = step(out, issues);
  }
  return out;
}
