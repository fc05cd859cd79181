import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZImportOptions, ZImportPreview, ZImportResult } from '../../../src/server/schemas/import.schemas';
import type { ImportProblem, ImportSection, ImportTask, ImportTree, ImportUnit } from '../../../src/domain/import/build-import-tree';
import type { Deadline } from '../../../src/domain/import/parse-deadline';
import type { TaskDivisionField } from '../../../src/domain/import/parsed-sheet';
import { ApiError, api, buildUrl, type Query } from './client';
import { currentLang } from '../i18n/i18n';

export type { ImportProblem, ImportSection, ImportTask, ImportUnit, Deadline, TaskDivisionField };
export type TImportOptions = z.input<typeof ZImportOptions>;
export type TImportResolutions = NonNullable<TImportOptions['resolutions']>;
/** The preview, with the tree typed as the domain's ImportTree (the schema leaves its nodes `any`). */
export type TImportPreview = Omit<z.infer<typeof ZImportPreview>, 'tree' | 'blocking'> & { tree: ImportTree; blocking: ImportProblem[] };
export type TImportResult = z.infer<typeof ZImportResult>;

export const TASK_DIVISION_FIELDS = ['seq', 'keyTask', 'work', 'lead', 'participants', 'deadline', 'note'] as const satisfies readonly TaskDivisionField[];

function importForm(file: File, options: TImportOptions): FormData {
  const form = new FormData();
  // Options first: the server reads the parts in order.
  form.append('options', JSON.stringify(options));
  form.append('file', file, file.name);
  return form;
}

export function usePreviewImport(planId: string) {
  return useMutation({
    mutationFn: ({ file, options }: { file: File; options: TImportOptions }) =>
      api.upload<TImportPreview>(`/plans/${planId}/imports/task-division/preview`, importForm(file, options)),
  });
}

export function useApplyImport(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, options }: { file: File; options: TImportOptions }) =>
      api.upload<TImportResult>(`/plans/${planId}/imports/task-division/apply`, importForm(file, options)),
    // New tasks, assignments and codes: everything about the plan is stale.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plans'] }),
  });
}

export function downloadTaskDivision(planId: string): Promise<void> {
  return downloadFile(`/plans/${planId}/exports/task-division`, '任务分工表.xlsx');
}

/** `attachment; filename*=UTF-8''%E4%BB%BB….xlsx` → 任….xlsx (falls back to `fallback`). */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      return fallback;
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/**
 * GETs a file with the session cookie and saves it through a blob URL, so a failure (no permission,
 * cycle closed) can be shown as a message instead of a browser error page.
 */
export async function downloadFile(path: string, fallbackName: string, query?: Query): Promise<void> {
  const response = await fetch(buildUrl(`/api${path}`, query), { credentials: 'same-origin', headers: { 'Accept-Language': currentLang() } });
  if (!response.ok) {
    let code = 'UNKNOWN';
    let message = response.statusText;
    try {
      const body = (await response.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch {
      // Not JSON: keep the status text.
    }
    throw new ApiError(response.status, code, message);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameFrom(response.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
