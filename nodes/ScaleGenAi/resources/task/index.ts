import * as create from './create';
import * as get from './get';
import * as getAll from './getAll';
import * as setMetadata from './setMetadata';

// Operation values are stored in users' workflows: never rename one.
export const taskOperations = [create, get, getAll, setMetadata];
