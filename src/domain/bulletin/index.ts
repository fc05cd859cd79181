export * from './bulletin-snapshot';
export * from './bulletin-content';
