/** The closed list of failures the core can report. The HTTP edge maps each to a status; the web maps each to a message. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF_TOKEN_INVALID',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_INACTIVE',
  'PASSWORD_POLICY',
  'PASSWORD_WRONG',
  'VERSION_CONFLICT',
  'PLAN_NOT_FOUND',
  'NODE_NOT_FOUND',
  'NODE_CYCLE',
  'NODE_KIND_INVALID',
  'NODE_LOCKED',
  'DATES_INVERTED',
  'ASSIGNMENT_ROLE_CLASH',
  'CYCLE_NOT_FOUND',
  'CYCLE_CLOSED',
  'CYCLE_OVERLAP',
  'REPORT_NOT_FOUND',
  'REPORT_TRANSITION_INVALID',
  'REPORT_NOT_EDITABLE',
  'REPORT_INCOMPLETE',
  'ATTACHMENT_TYPE_REJECTED',
  'ATTACHMENT_TOO_LARGE',
  'ATTACHMENT_NOT_FOUND',
  'IMPORT_NOT_XLSX',
  'IMPORT_NO_HEADER',
  'IMPORT_EMPTY',
  'IMPORT_TOO_LARGE',
  'IMPORT_SHEET_NOT_FOUND',
  'IMPORT_BLOCKED',
  'SUPERVISION_NOT_FOUND',
  'SUPERVISION_TRANSITION_INVALID',
  'NOTIFICATION_NOT_FOUND',
  'MEETING_NOT_FOUND',
  'AGREEMENT_NOT_FOUND',
  'NATIONAL_REQUEST_NOT_FOUND',
  'UNIT_NOT_FOUND',
  'UNIT_EXISTS',
  'USER_NOT_FOUND',
  'USER_EXISTS',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}
