// The API's shapes as types, for the web app (which imports types only: `import type`).
import type { z } from 'zod';
import type { ZMe, ZSessionView } from './auth.schemas';
import type { ZAuditEntry, ZAuditVerify, ZCreateUnitBody, ZCreateUserBody, ZDivision, ZPlatform, ZUnit, ZUpdateUnitBody, ZUpdateUserBody, ZUser } from './admin.schemas';
import type { ZAssignBody, ZAssignment, ZCreateNodeBody, ZMoveNodeBody, ZNode, ZPlan, ZUpdateNodeBody } from './plan.schemas';

export type { Role, Permission, NodeKind, Priority, ErrorCode } from '../../domain';
export type TMe = z.infer<typeof ZMe>;
export type TSession = z.infer<typeof ZSessionView>;
export type TPlan = z.infer<typeof ZPlan>;
export type TNode = z.infer<typeof ZNode>;
export type TNodeCreate = z.input<typeof ZCreateNodeBody>;
export type TNodePatch = z.input<typeof ZUpdateNodeBody>;
export type TNodeMove = z.input<typeof ZMoveNodeBody>;
export type TUnit = z.infer<typeof ZUnit>;
export type UnitKind = TUnit['kind'];
export type Side = TUnit['side'];
export type TUnitInput = z.input<typeof ZCreateUnitBody>;
export type TUnitPatch = z.input<typeof ZUpdateUnitBody>;
export type TUser = z.infer<typeof ZUser>;
export type TUserCreate = z.input<typeof ZCreateUserBody>;
export type TUserPatch = z.input<typeof ZUpdateUserBody>;
export type TAuditEntry = z.infer<typeof ZAuditEntry>;
export type TAuditVerify = z.infer<typeof ZAuditVerify>;
export type TDivision = z.infer<typeof ZDivision>;
export type TPlatform = z.infer<typeof ZPlatform>;
export type TAssignment = z.infer<typeof ZAssignment>;
export type TAssignBody = z.input<typeof ZAssignBody>;
