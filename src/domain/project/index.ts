export * from './project-codes';
export * from './amount';
export * from './plan-vs-actual';
export * from './parse-project-list';
export * from './schematic-geometry';
