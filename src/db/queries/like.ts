import { sql, type Expression, type SqlBool } from 'kysely';

/** Case-insensitive "contains" on both databases: lower() both sides (PostgreSQL's LIKE is case-sensitive), wildcards in the needle escaped. */
export function containsText(column: Expression<unknown>, needle: string): Expression<SqlBool> {
  const pattern = `%${needle.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`lower(${column}) like ${pattern} escape '\\'`;
}
