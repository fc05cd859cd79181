export * from './period';
export * from './trajectory';
export * from './status';
export * from './derive';
export * from './aggregate';
export * from './published-figure';
export * from './read-table';
export * from './report-state';
