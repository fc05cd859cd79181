import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, ImportError, type ErrorCode } from '../domain';
import { ERROR_MESSAGES, issueMessage, langOf } from './messages';

const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_INACTIVE: 403,
  PASSWORD_POLICY: 422,
  PASSWORD_WRONG: 422,
  VERSION_CONFLICT: 409,
  PLAN_NOT_FOUND: 404,
  NODE_NOT_FOUND: 404,
  NODE_CYCLE: 422,
  NODE_KIND_INVALID: 422,
  NODE_LOCKED: 422,
  DATES_INVERTED: 422,
  ASSIGNMENT_ROLE_CLASH: 422,
  CYCLE_NOT_FOUND: 404,
  CYCLE_CLOSED: 422,
  CYCLE_OVERLAP: 409,
  REPORT_NOT_FOUND: 404,
  REPORT_TRANSITION_INVALID: 422,
  REPORT_NOT_EDITABLE: 422,
  REPORT_INCOMPLETE: 422,
  ATTACHMENT_TYPE_REJECTED: 415,
  ATTACHMENT_TOO_LARGE: 413,
  ATTACHMENT_NOT_FOUND: 404,
  IMPORT_NOT_XLSX: 415,
  IMPORT_NO_HEADER: 422,
  IMPORT_EMPTY: 422,
  IMPORT_TOO_LARGE: 413,
  IMPORT_SHEET_NOT_FOUND: 422,
  IMPORT_BLOCKED: 422,
  SUPERVISION_NOT_FOUND: 404,
  SUPERVISION_TRANSITION_INVALID: 422,
  NOTIFICATION_NOT_FOUND: 404,
  MEETING_NOT_FOUND: 404,
  AGREEMENT_NOT_FOUND: 404,
  NATIONAL_REQUEST_NOT_FOUND: 404,
  ASSESSMENT_PERIOD_NOT_FOUND: 404,
  ASSESSMENT_PUBLISHED: 409,
  ASSESSMENT_NOT_COMPUTED: 422,
  ASSESSMENT_NOT_PUBLISHED: 422,
  ASSESSMENT_SCHEME_INVALID: 422,
  ASSESSMENT_UNIT_NOT_ASSESSED: 422,
  APPEAL_NOT_FOUND: 404,
  APPEAL_DECIDED: 409,
  INDICATOR_NOT_FOUND: 404,
  INDICATOR_EXISTS: 409,
  IMPORT_ENCODING_UNKNOWN: 415,
  PROJECT_NOT_FOUND: 404,
  PROJECT_EXISTS: 409,
  BULLETIN_NOT_FOUND: 404,
  BULLETIN_PUBLISHED: 409,
  UNIT_NOT_FOUND: 404,
  UNIT_EXISTS: 409,
  USER_NOT_FOUND: 404,
  USER_EXISTS: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  NOT_FOUND: 404,
  INTERNAL: 500,
};

// Business-rule errors that concern one field: the web puts the message on that field.
const FIELD_OF: Partial<Record<ErrorCode, string>> = {
  DATES_INVERTED: 'dueOn',
  ASSIGNMENT_ROLE_CLASH: 'participants',
  PASSWORD_POLICY: 'password',
  PASSWORD_WRONG: 'currentPassword',
  UNIT_EXISTS: 'name',
  USER_EXISTS: 'username',
  INDICATOR_EXISTS: 'code',
  NODE_KIND_INVALID: 'parentId',
  NODE_CYCLE: 'parentId',
};

// Codes whose details help the user act (what is missing, what is allowed, until when). Other details
// stay in the log: they may name records the caller should not learn about.
const PUBLIC_DETAILS = new Set<ErrorCode>(['IMPORT_BLOCKED', 'REPORT_INCOMPLETE', 'REPORT_TRANSITION_INVALID', 'ACCOUNT_LOCKED', 'PASSWORD_POLICY']);

export function sendError(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, fields?: { path: string; message: string }[], details?: Record<string, unknown>) {
  const message = ERROR_MESSAGES[code][langOf(request.headers['accept-language'])];
  return reply.status(HTTP_STATUS[code]).send({ error: { code, message, ...(fields && { fields }), ...(details && { details }) } });
}

/**
 * Failures the router meets before any route or hook runs (a path segment over maxParamLength, a URL
 * that is not valid percent-encoding): without this Fastify answers them in its own shape, with no code.
 */
export function frameworkError(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const message = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'a path segment is too long' : 'the URL is not valid';
  return sendError(request, reply, 'VALIDATION_FAILED', [{ path: '', message }]);
}

/** The one place where failures become HTTP responses. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const lang = langOf(request.headers['accept-language']);
    if (err instanceof ImportError) {
      return sendError(request, reply, `IMPORT_${err.code}` as ErrorCode, undefined, err.details);
    }
    if (err instanceof DomainError) {
      // a rule a service checks on one field (the article a decision is filed under) names it in its details
      const named = err.code === 'VALIDATION_FAILED' && typeof err.details?.field === 'string' ? err.details.field : undefined;
      const field = FIELD_OF[err.code] ?? named;
      const details = PUBLIC_DETAILS.has(err.code) ? err.details : undefined;
      return sendError(request, reply, err.code, field ? [{ path: field, message: ERROR_MESSAGES[err.code][lang] }] : undefined, details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.flatMap((v) => {
        const base = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const params = v.params as Record<string, unknown>;
        if (v.keyword === 'unrecognized_keys' && Array.isArray(params.keys)) {
          return (params.keys as string[]).map((k) => ({ path: base ? `${base}.${k}` : k, message: issueMessage('unrecognized_keys', params, lang) }));
        }
        return [{ path: base, message: issueMessage(v.keyword, params, lang) }];
      });
      return sendError(request, reply, 'VALIDATION_FAILED', fields);
    }
    if (err.statusCode === 429) return sendError(request, reply, 'RATE_LIMITED');
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(request, reply, 'PAYLOAD_TOO_LARGE');
    if (err.code === 'FST_REQ_FILE_TOO_LARGE') return sendError(request, reply, 'ATTACHMENT_TOO_LARGE');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Malformed JSON, wrong content type, empty body and the like.
      return sendError(request, reply, 'VALIDATION_FAILED', [{ path: '', message: err.message }]);
    }
    request.log.error({ err }, 'unhandled error');
    return sendError(request, reply, 'INTERNAL');
  });
}
