import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ProjectCategory,
  ProjectPhase,
  ProjectSide,
  ReportAction,
  TDivision,
  TMapProject,
  TPlatform,
  TProject,
  TProjectDetail,
  TProjectImportPreview,
  TProjectImportResult,
  TProjectPage,
  TProjectPatch,
  TProjectReport,
  TSaveProjectReport,
} from '../../../src/server/schemas';
import { api, type Query } from './client';
import { downloadFile } from './imports';

export type { ProjectCategory, ProjectPhase, ProjectSide, TMapProject, TProject, TProjectDetail, TProjectImportPreview, TProjectReport };

export const PROJECT_CATEGORIES = [
  'transport.rail',
  'transport.road',
  'transport.air',
  'transport.water',
  'transport.logistics',
  'industry',
  'innovation',
  'ecology',
  'publicServices',
  'energy',
  'newInfrastructure',
] as const satisfies readonly ProjectCategory[];
export const PROJECT_PHASES = ['identification', 'preparation', 'implementation', 'completion', 'completed', 'cancelled'] as const satisfies readonly ProjectPhase[];
export const PROJECT_SIDES = ['sichuan', 'chongqing', 'joint'] as const satisfies readonly ProjectSide[];

export type ProjectFilter = { category?: string | undefined; phase?: ProjectPhase | undefined; unitId?: string | undefined; side?: ProjectSide | undefined; division?: string | undefined; q?: string | undefined };
export type ProjectListQuery = ProjectFilter & { page: number; pageSize: number; sort?: 'title' | 'budgetTotal' | 'phase' | 'startDate' | 'updatedAt' | undefined; order: 'asc' | 'desc' };

const clean = (q: Record<string, unknown>): Query => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')) as Query;

export function useProjects(query: ProjectListQuery) {
  return useQuery({
    queryKey: ['projects', 'list', query],
    queryFn: ({ signal }) => api.get<TProjectPage>('/projects', clean(query), signal),
    placeholderData: keepPreviousData,
  });
}

export function useMapProjects(filter: ProjectFilter) {
  return useQuery<TMapProject[], Error, TMapProject[], readonly unknown[]>({
    queryKey: ['projects', 'map', filter],
    queryFn: async ({ signal }): Promise<TMapProject[]> => (await api.get<{ items: TMapProject[] }>('/projects/map', clean(filter), signal)).items,
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string | undefined) {
  return useQuery({ queryKey: ['projects', 'detail', id], queryFn: ({ signal }) => api.get<TProjectDetail>(`/projects/${id}`, undefined, signal), enabled: Boolean(id) });
}

function useInvalidateProjects() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['projects'] });
}

export type TProjectCreate = Omit<TProjectPatch, 'version'> & Pick<TProject, 'title' | 'category' | 'phase'>;

export function useCreateProject() {
  const invalidate = useInvalidateProjects();
  return useMutation({ mutationFn: (body: TProjectCreate) => api.post<TProject>('/projects', body), onSuccess: invalidate });
}

export function useUpdateProject(id: string) {
  const invalidate = useInvalidateProjects();
  return useMutation({ mutationFn: (patch: TProjectPatch) => api.patch<TProject>(`/projects/${id}`, patch), onSuccess: invalidate });
}

export function useLinkTasks(id: string) {
  const invalidate = useInvalidateProjects();
  return useMutation({ mutationFn: (nodeIds: string[]) => api.post(`/projects/${id}/tasks`, { nodeIds }), onSuccess: invalidate });
}

export function useUnlinkTask(id: string) {
  const invalidate = useInvalidateProjects();
  return useMutation({ mutationFn: (nodeId: string) => api.delete(`/projects/${id}/tasks/${nodeId}`), onSuccess: invalidate });
}

export function useOpenProjectReport(id: string) {
  const invalidate = useInvalidateProjects();
  return useMutation({ mutationFn: (cycleId: string) => api.post<TProjectReport>(`/projects/${id}/reports`, { cycleId }), onSuccess: invalidate });
}

export function useSaveProjectReport() {
  const invalidate = useInvalidateProjects();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: TSaveProjectReport }) => api.patch<TProjectReport>(`/project-reports/${id}`, body), onSuccess: invalidate });
}

export function useTransitionProjectReport() {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: ({ id, action, version, comment }: { id: string; action: ReportAction; version: number; comment?: string }) =>
      api.post<TProjectReport>(`/project-reports/${id}/${action}`, { version, ...(comment && { comment }) }),
    onSuccess: invalidate,
  });
}

const importForm = (file: File, year: number | undefined) => {
  const form = new FormData();
  // Fields first: the server reads the parts in order.
  if (year) form.append('year', String(year));
  form.append('file', file, file.name);
  return form;
};

export function usePreviewProjectImport() {
  return useMutation({ mutationFn: ({ file, year }: { file: File; year?: number }) => api.upload<TProjectImportPreview>('/projects/import/preview', importForm(file, year)) });
}

export function useApplyProjectImport() {
  const invalidate = useInvalidateProjects();
  return useMutation({ mutationFn: ({ file, year }: { file: File; year?: number }) => api.upload<TProjectImportResult>('/projects/import/apply', importForm(file, year)), onSuccess: invalidate });
}

export const exportProjectsXlsx = (filter: ProjectFilter) => downloadFile('/projects/export/xlsx', '重大项目库.xlsx', clean(filter));
export const exportProjectsOc4ids = (filter: ProjectFilter) => downloadFile('/projects/export/oc4ids', 'oc4ids-projects.json', clean(filter));

export function useDivisions() {
  return useQuery({ queryKey: ['reference', 'divisions'], queryFn: ({ signal }) => api.get<{ items: TDivision[] }>('/divisions', undefined, signal).then((r) => r.items), staleTime: Infinity });
}

export function usePlatforms() {
  return useQuery({ queryKey: ['reference', 'platforms'], queryFn: ({ signal }) => api.get<{ items: TPlatform[] }>('/platforms', undefined, signal).then((r) => r.items), staleTime: Infinity });
}

/** The indicators part's endpoints (issue 6), read here only for the map's choropleth layer. */
export type IndicatorOption = { id: string; code: string; name: string; unit: string };
export type IndicatorMapValues = { period: string | null; periods: string[]; unit: string; values: { divisionCode: string; value: number | null }[] };

export function useIndicatorOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['indicators', 'options'],
    queryFn: ({ signal }) => api.get<{ items: IndicatorOption[] }>('/indicators', { pageSize: 200 }, signal).then((r) => r.items),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useIndicatorMap(id: string | null, period: string | null) {
  return useQuery<IndicatorMapValues, Error, IndicatorMapValues, readonly unknown[]>({
    queryKey: ['indicators', id, 'map', period],
    queryFn: ({ signal }) => api.get<IndicatorMapValues>(`/indicators/${id}/map`, period ? { period } : undefined, signal),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
}
