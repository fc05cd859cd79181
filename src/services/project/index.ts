export * from './project-model';
export * from './projects';
export * from './project-detail';
export * from './project-reports';
export * from './project-import';
export * from './project-export';
export * from './oc4ids';
