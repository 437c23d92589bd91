import * as get from './get';

// Operation values are stored in users' workflows: never rename one.
export const annotationOperations = [get];
