import { tagOperation } from './tagOperations';

export const { option, description } = tagOperation(
	'addTags',
	'PUT',
	'Add Tags',
	'Add tags to a task',
	'Add tags to a task; tags it already has are kept once',
);
