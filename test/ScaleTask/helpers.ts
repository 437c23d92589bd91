import { ScaleTask } from '../../nodes/ScaleTask/ScaleTask.node';
import { scaleNodeRunner } from '../harness/run-node';

/** Runs the Scale Task node (resource `task`): `runTask('get', { taskId: … })`. */
export const runTask = scaleNodeRunner(ScaleTask, 'task');
