import * as downloadResponse from './downloadResponse';
import * as getAll from './getAll';
import * as getDeliveries from './getDeliveries';
import * as getDelivery from './getDelivery';
import * as getTask from './getTask';
import * as getTasks from './getTasks';

// Operation values are stored in users' workflows: never rename one.
export const datasetOperations = [downloadResponse, getAll, getDeliveries, getDelivery, getTask, getTasks];
