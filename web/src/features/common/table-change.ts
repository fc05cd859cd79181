import type { FilterValue, SorterResult } from 'antd/es/table/interface';
import type { SortOrder } from '../../api/types';

/** antd's sorter → the API's `sort`/`order` (column key = API field name). */
export function readSorter<T>(sorter: SorterResult<T> | SorterResult<T>[]): { sort?: string; order?: SortOrder } {
  const first = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!first?.order || first.columnKey === undefined) return { sort: undefined, order: undefined };
  return { sort: String(first.columnKey), order: first.order === 'ascend' ? 'asc' : 'desc' };
}

/** The API filters on one value per field, so column filters are single-choice. */
export function firstFilter(value: FilterValue | null | undefined): string | undefined {
  return value && value.length > 0 ? String(value[0]) : undefined;
}

export function toBoolean(value: string | undefined): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

export function toSortOrder(order: SortOrder | undefined, column: string, sort: string | undefined) {
  if (sort !== column || !order) return null;
  return order === 'asc' ? ('ascend' as const) : ('descend' as const);
}

/** Narrows a filter value to one of the API's allowed values. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}
