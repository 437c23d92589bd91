import { qualityTaskOperation } from './qualityTasks';

export const { option, description } = qualityTaskOperation(
	'createEvaluationTask',
	'evaluation_tasks',
	'Create Evaluation Task',
	'Create an evaluation task',
	'Create a task with a known answer, used to score labelers (Rapid projects)',
	true,
);
