export interface PageRequest<S extends string> {
  page: number;
  pageSize: number;
  sort?: S | undefined;
  order: 'asc' | 'desc';
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
