import * as get from './get';
import * as getAll from './getAll';

// Operation values are stored in users' workflows: never rename one.
export const projectOperations = [get, getAll];
