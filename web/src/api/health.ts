import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export type THealth = { status: 'ok'; db: 'sqlite' | 'postgres'; version: string; demo: boolean };

/** Server facts the shell shows: chiefly whether the data is demo data. */
export function useHealth() {
  return useQuery({ queryKey: ['health'], queryFn: ({ signal }) => api.get<THealth>('/health', undefined, signal), staleTime: 5 * 60_000 });
}
