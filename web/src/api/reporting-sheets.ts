import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { downloadFile } from './imports';

export type SheetField = 'progressPct' | 'narrative' | 'problems' | 'coordinationRequest' | 'nextSteps';
export type TSheetChange = {
  row: number;
  reportId: string;
  code: string;
  title: string;
  version: number;
  changes: Partial<Record<string, { from: string | number | null; to: string | number | null }>>;
};
export type TSheetProblem = { row: number; column: string; code: string; message_zh: string; message_en: string };
export type TSheetPreview = { cycleId: string; rows: number; changes: TSheetChange[]; problems: TSheetProblem[] };
export type TSheetResult = { saved: number; submitted: number; at: string };

function sheetForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

export function downloadReportingSheet(cycleId: string): Promise<void> {
  return downloadFile(`/cycles/${cycleId}/reporting-sheet`, '填报表.xlsx');
}

export function usePreviewSheet() {
  return useMutation({
    mutationFn: ({ file, submit }: { file: File; submit: boolean }) => api.upload<TSheetPreview>(`/reporting-sheets/preview?submit=${submit}`, sheetForm(file)),
  });
}

export function useApplySheet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, submit }: { file: File; submit: boolean }) => api.upload<TSheetResult>(`/reporting-sheets/apply?submit=${submit}`, sheetForm(file)),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['reports'] }),
        queryClient.invalidateQueries({ queryKey: ['plans'], predicate: (q) => q.queryKey[2] === 'cycles' || q.queryKey[2] === 'status' || q.queryKey[2] === 'my-tasks' }),
      ]),
  });
}
