export * from './read-project-list';
export * from './write-project-list';
