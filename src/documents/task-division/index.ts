export * from './read-task-division';
export * from './write-task-division';
