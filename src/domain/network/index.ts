export * from './network-types';
export * from './open-links';
export * from './travel-times';
export * from './targets';
export * from './gap-attribution';
export * from './scenario';
export * from './project-tasks';
