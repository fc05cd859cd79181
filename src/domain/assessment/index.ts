export * from './rules';
export * from './league-table';
export * from './periods';
