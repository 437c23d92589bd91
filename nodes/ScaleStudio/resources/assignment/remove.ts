import { assignmentChange } from './change';

export const { option, description } = assignmentChange(
	'remove',
	'Remove',
	'Remove assignments',
	'Unassign labelers from Studio projects; outputs every remaining assignment, one item per teammate',
);
