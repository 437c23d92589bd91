import { assignmentChange } from './change';

export const { option, description } = assignmentChange(
	'add',
	'Add',
	'Add assignments',
	'Assign labelers to Studio projects; outputs every assignment, one item per teammate',
);
