import type { Status } from '../../../src/server/schemas';

export type { Status };

/** Legend and list order: the lagging first (same order as the server's STATUS_ORDER). */
export const STATUS_ORDER = ['red', 'yellow', 'green', 'not_started', 'completed', 'cancelled'] as const satisfies readonly Status[];

export type StatusCounts = Record<Status, number>;

/** The one place status colours are defined: charts, tags and the map all read this map. */
export const STATUS_COLOR: Record<Status, string> = {
  red: '#cf1322',
  yellow: '#d48806',
  green: '#389e0d',
  not_started: '#8c8c8c',
  completed: '#1677ff',
  cancelled: '#bfbfbf',
};

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUS_ORDER as readonly string[]).includes(value);
}
