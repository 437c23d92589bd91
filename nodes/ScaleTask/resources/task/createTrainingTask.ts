import { qualityTaskOperation } from './qualityTasks';

export const { option, description } = qualityTaskOperation(
	'createTrainingTask',
	'training_tasks',
	'Create Training Task',
	'Create a training task',
	'Create a task with a known answer, used to train labelers (Rapid projects)',
	false,
);
