import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ZAgreement,
  ZAgreementDetail,
  ZCreateAgreementBody,
  ZCreateMeetingBody,
  ZCoordinationCockpit,
  ZCreateRequestBody,
  ZDecisionImportResult,
  ZDecisionPreview,
  ZMeeting,
  ZMeetingDetail,
  ZMeetingListItem,
  ZNationalRequest,
  ZNationalRequestDetail,
  ZSourcedTask,
  ZSourcedTaskBody,
  ZUpdateAgreementBody,
  ZUpdateMeetingBody,
  ZUpdateRequestBody,
} from '../../../src/server/schemas/coordination.schemas';
import { api } from './client';
import { downloadFile } from './imports';
import type { TList } from './types';

export type TMeeting = z.infer<typeof ZMeeting>;
export type TMeetingDetail = z.infer<typeof ZMeetingDetail>;
export type TMeetingListItem = z.infer<typeof ZMeetingListItem>;
export type TUpdateMeeting = z.input<typeof ZUpdateMeetingBody>;
export type TUpdateAgreement = z.input<typeof ZUpdateAgreementBody>;
export type TNationalRequestDetail = z.infer<typeof ZNationalRequestDetail>;
export type TDecisionPreview = z.infer<typeof ZDecisionPreview>;
export type TDecisionImportResult = z.infer<typeof ZDecisionImportResult>;
export type TCoordinationCockpit = z.infer<typeof ZCoordinationCockpit>;
export type TSourcedTask = z.infer<typeof ZSourcedTask>;
export type TAgreement = z.infer<typeof ZAgreement>;
export type TAgreementDetail = z.infer<typeof ZAgreementDetail>;
export type TNationalRequest = z.infer<typeof ZNationalRequest>;
export type TCreateMeeting = z.input<typeof ZCreateMeetingBody>;
export type TSourcedTaskBody = z.input<typeof ZSourcedTaskBody>;
export type TCreateAgreement = z.input<typeof ZCreateAgreementBody>;
export type TCreateRequest = z.input<typeof ZCreateRequestBody>;
export type TUpdateRequest = z.input<typeof ZUpdateRequestBody>;

export type MeetingLayer = TMeeting['layer'];
export type AgreementStatus = TAgreement['status'];
export type PartySide = TAgreement['parties'][number]['side'];
export type RequestType = TNationalRequest['type'];
export type RequestStatus = TNationalRequest['status'];
export type SourceKind = 'plan' | 'meeting_decision' | 'agreement_matter' | 'national_request';

export const MEETING_LAYERS = ['decision', 'coordination', 'execution'] as const satisfies readonly MeetingLayer[];
export const AGREEMENT_STATUSES = ['no_matters', 'in_progress', 'lagging', 'completed'] as const satisfies readonly AgreementStatus[];
export const PARTY_SIDES = ['sichuan', 'chongqing', 'other'] as const satisfies readonly PartySide[];
export const REQUEST_TYPES = ['policy', 'project', 'funds', 'pilot', 'plan_approval'] as const satisfies readonly RequestType[];
export const REQUEST_STATUSES = [
  'drafting',
  'submitted',
  'under_consideration',
  'approved',
  'partly_approved',
  'not_approved',
] as const satisfies readonly RequestStatus[];
export const SOURCE_KINDS = ['plan', 'meeting_decision', 'agreement_matter', 'national_request'] as const satisfies readonly SourceKind[];

export type MeetingListParams = { page: number; pageSize: number; layer?: MeetingLayer; body?: string };
export type AgreementListParams = { page: number; pageSize: number; party?: string; side?: PartySide; status?: AgreementStatus };
export type RequestFilter = { type?: RequestType; status?: RequestStatus; joint?: 'true' | 'false'; q?: string };
export type RequestListParams = { page: number; pageSize: number } & RequestFilter;

export const coordinationKey = ['coordination'] as const;

function useInvalidate() {
  const queryClient = useQueryClient();
  // New decisions, matters and tasks are plan nodes too: status, My tasks and the tree are stale.
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: coordinationKey }), queryClient.invalidateQueries({ queryKey: ['plans'] })]);
}

// Meetings

export function useMeetings(planId: string | undefined, params: MeetingListParams) {
  return useQuery({
    queryKey: [...coordinationKey, 'meetings', planId, params],
    queryFn: ({ signal }) => api.get<TList<TMeetingListItem>>(`/plans/${planId}/meetings`, params, signal),
    enabled: Boolean(planId),
    placeholderData: keepPreviousData,
  });
}

export function useMeeting(id: string | undefined) {
  return useQuery({
    queryKey: [...coordinationKey, 'meeting', id],
    queryFn: ({ signal }) => api.get<TMeetingDetail>(`/meetings/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useCreateMeeting(planId: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: TCreateMeeting) => api.post<TMeeting>(`/plans/${planId}/meetings`, body), onSuccess: invalidate });
}

export function useUpdateMeeting() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: TUpdateMeeting }) => api.patch<TMeeting>(`/meetings/${id}`, body), onSuccess: invalidate });
}

function decisionForm(file: File, articleId?: string): FormData {
  const form = new FormData();
  // Fields first: the server reads the parts in order.
  if (articleId) form.append('articleId', articleId);
  form.append('file', file, file.name);
  return form;
}

/** Reads a decision list and shows what applying it would create; writes nothing. */
export function usePreviewDecisionImport(meetingId: string) {
  return useMutation({ mutationFn: (file: File) => api.upload<TDecisionPreview>(`/meetings/${meetingId}/decisions/import/preview`, decisionForm(file)) });
}

/** Files every decision of the sheet, or none (the server refuses while a blocking problem is left). */
export function useApplyDecisionImport(meetingId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ file, articleId }: { file: File; articleId?: string | undefined }) => api.upload<TDecisionImportResult>(`/meetings/${meetingId}/decisions/import/apply`, decisionForm(file, articleId)),
    onSuccess: invalidate,
  });
}

export function useAddDecision(meetingId: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: TSourcedTaskBody) => api.post<TSourcedTask>(`/meetings/${meetingId}/decisions`, body), onSuccess: invalidate });
}

// Agreements

export function useAgreements(planId: string | undefined, params: AgreementListParams) {
  return useQuery({
    queryKey: [...coordinationKey, 'agreements', planId, params],
    queryFn: ({ signal }) => api.get<TList<TAgreement>>(`/plans/${planId}/agreements`, params, signal),
    enabled: Boolean(planId),
    placeholderData: keepPreviousData,
  });
}

export function useAgreement(id: string | undefined) {
  return useQuery({
    queryKey: [...coordinationKey, 'agreement', id],
    queryFn: ({ signal }) => api.get<TAgreementDetail>(`/agreements/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useCreateAgreement(planId: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: TCreateAgreement) => api.post<TAgreementDetail>(`/plans/${planId}/agreements`, body), onSuccess: invalidate });
}

export function useUpdateAgreement() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdateAgreement }) => api.patch<TAgreementDetail>(`/agreements/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useAddMatter(agreementId: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: TSourcedTaskBody) => api.post<TSourcedTask>(`/agreements/${agreementId}/matters`, body), onSuccess: invalidate });
}

// National requests

export function useNationalRequests(planId: string | undefined, params: RequestListParams) {
  return useQuery({
    queryKey: [...coordinationKey, 'requests', planId, params],
    queryFn: ({ signal }) => api.get<TList<TNationalRequest>>(`/plans/${planId}/national-requests`, params, signal),
    enabled: Boolean(planId),
    placeholderData: keepPreviousData,
  });
}

export function useNationalRequest(id: string | undefined) {
  return useQuery({
    queryKey: [...coordinationKey, 'request', id],
    queryFn: ({ signal }) => api.get<TNationalRequestDetail>(`/national-requests/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useCreateNationalRequest(planId: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: TCreateRequest) => api.post<TNationalRequest>(`/plans/${planId}/national-requests`, body), onSuccess: invalidate });
}

export function useUpdateNationalRequest() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdateRequest }) => api.patch<TNationalRequest>(`/national-requests/${id}`, body),
    onSuccess: invalidate,
  });
}

export function downloadNationalRequests(planId: string, filter: RequestFilter): Promise<void> {
  return downloadFile(`/plans/${planId}/national-requests/export`, '向上争取事项.xlsx', filter);
}

// The cockpit's coordination card

export function useCoordinationCockpit(planId: string | undefined) {
  return useQuery({
    queryKey: [...coordinationKey, 'cockpit', planId],
    queryFn: ({ signal }) => api.get<TCoordinationCockpit>(`/plans/${planId}/cockpit/coordination`, undefined, signal),
    enabled: Boolean(planId),
  });
}

