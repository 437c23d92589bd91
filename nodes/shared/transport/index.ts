export * from './errors';
export * from './executors';
export * from './failures';
export * from './gate';
export * from './request';
export * from './run-state';
export * from './create-once';
