import { tagOperation } from './tagOperations';

export const { option, description } = tagOperation(
	'deleteTags',
	'DELETE',
	'Delete Tags',
	'Delete tags from a task',
	'Remove tags from a task; tags it does not have are ignored',
);
