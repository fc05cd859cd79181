export * from './errors';
export * from './access/permissions';
export * from './auth/password-policy';
export * from './auth/lockout';
export * from './audit/hash-chain';
export * from './plan-tree/node-kind';
export * from './plan-tree/tree-rules';
export * from './reporting/report-workflow';
