import { tagOperation } from './tagOperations';

export const { option, description } = tagOperation(
	'setTags',
	'POST',
	'Set Tags',
	'Set the tags of a task',
	'Replace all tags of a task',
);
