import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { coordinationKey } from '../../api/coordination';

type ProjectRow = { id: string; title: string };

/** Projects of the library matching what the user typed (the library's own list, 50 at a time). */
export function useProjectOptions(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: [...coordinationKey, 'project-options', query],
    queryFn: ({ signal }) => api.get<{ items: ProjectRow[] }>('/projects', { pageSize: 50, ...(query && { q: query }) }, signal),
    select: (data) => data.items.map((p) => ({ value: p.id, label: p.title })),
    staleTime: 60_000,
  });
}
