import * as get from './get';
import * as getAll from './getAll';
import * as getTasks from './getTasks';

// Operation values are stored in users' workflows: never rename one.
export const deliveryOperations = [get, getAll, getTasks];
