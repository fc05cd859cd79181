import { z } from 'zod';
import { ROLES } from '../../domain';
import { pageOf, ZBoolString, ZId, ZPaging } from './common.schemas';

const UNIT_KINDS = ['office', 'department', 'central', 'city', 'county', 'enterprise', 'other'] as const;
const SIDES = ['sichuan', 'chongqing'] as const;

export const ZUnit = z.object({
  id: z.string(),
  name: z.string(),
  fullName: z.string(),
  kind: z.enum(UNIT_KINDS),
  side: z.enum(SIDES),
  parentId: z.string().nullable(),
  divisionCode: z.string().nullable(),
  aliases: z.array(z.string()),
  active: z.boolean(),
  version: z.number().int(),
});
export const ZUnitPage = pageOf(ZUnit);
export const ZUnitParams = z.object({ unitId: ZId });
export const ZUnitsQuery = z.strictObject({
  ...ZPaging,
  sort: z.enum(['name', 'kind', 'side', 'updatedAt', 'order']).optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  side: z.enum(SIDES).optional(),
  active: ZBoolString.optional(),
});

const unitFields = {
  name: z.string().trim().min(1).max(60),
  fullName: z.string().trim().min(1).max(120),
  kind: z.enum(UNIT_KINDS),
  side: z.enum(SIDES),
  parentId: ZId.nullable(),
  divisionCode: z.string().regex(/^\d{6}$/).nullable(),
  aliases: z.array(z.string().trim().min(1).max(120)).max(20),
};
export const ZCreateUnitBody = z.strictObject({
  ...unitFields,
  fullName: unitFields.fullName.optional(),
  parentId: unitFields.parentId.optional(),
  divisionCode: unitFields.divisionCode.optional(),
  aliases: unitFields.aliases.optional(),
});
export const ZUpdateUnitBody = z.strictObject({
  version: z.number().int().min(1),
  name: unitFields.name.optional(),
  fullName: unitFields.fullName.optional(),
  kind: unitFields.kind.optional(),
  side: unitFields.side.optional(),
  parentId: unitFields.parentId.optional(),
  divisionCode: unitFields.divisionCode.optional(),
  aliases: unitFields.aliases.optional(),
  active: z.boolean().optional(),
});

export const ZUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
});
export const ZUserPage = pageOf(ZUser);
export const ZUserParams = z.object({ userId: ZId });
export const ZUsersQuery = z.strictObject({
  ...ZPaging,
  sort: z.enum(['username', 'displayName', 'lastLoginAt', 'unitName']).optional(),
  unitId: ZId.optional(),
  role: z.enum(ROLES).optional(),
  active: ZBoolString.optional(),
});
const ZRoles = z.array(z.enum(ROLES)).min(1).max(ROLES.length);
export const ZCreateUserBody = z.strictObject({
  username: z.string().trim().min(3).max(40).regex(/^[A-Za-z0-9_.-]+$/),
  displayName: z.string().trim().min(1).max(60),
  unitId: ZId,
  roles: ZRoles,
  password: z.string().min(1).max(256),
});
export const ZUpdateUserBody = z.strictObject({
  version: z.number().int().min(1),
  displayName: z.string().trim().min(1).max(60).optional(),
  unitId: ZId.optional(),
  roles: ZRoles.optional(),
  active: z.boolean().optional(),
});
export const ZResetPasswordBody = z.strictObject({ password: z.string().min(1).max(256) });

export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  hash: z.string(),
});
export const ZAuditPage = pageOf(ZAuditEntry);
export const ZAuditQuery = z.strictObject({
  page: ZPaging.page,
  pageSize: ZPaging.pageSize,
  entity: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
  action: z.string().max(60).optional(),
  from: z.string().max(30).optional(),
  to: z.string().max(30).optional(),
});
export const ZAuditVerify = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ id: z.number().int(), reason: z.string() }).nullable(),
});

export const ZDivision = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['prefecture', 'county']),
  side: z.enum(SIDES),
  parentCode: z.string().nullable(),
  roles: z.array(z.string()),
  outlineScope: z.string().nullable(),
  bordersChongqing: z.boolean(),
});
export const ZPlatform = z.object({
  id: z.string(),
  name: z.string(),
  cluster: z.string().nullable(),
  members: z.object({ sichuan: z.array(z.string()), chongqing: z.array(z.string()) }),
  focus: z.string().nullable(),
});
