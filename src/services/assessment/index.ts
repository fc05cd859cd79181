export * from './periods';
export * from './compute';
export * from './publish';
export * from './results';
export * from './adjustments';
export * from './appeals';
export { readFile as readAssessmentFile } from './files';
export * from './export-league-table';
export { latestPublishedLeagueTables } from './published-ranking';
