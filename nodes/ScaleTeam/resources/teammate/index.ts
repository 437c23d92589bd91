import type { INodeProperties } from 'n8n-workflow';

import { resourceOperations } from '../../../shared/descriptions';
import * as getAll from './getAll';
import * as invite from './invite';
import * as updateRole from './updateRole';

export const teammateOperations: INodeProperties[] = resourceOperations(
	'teammate',
	[getAll, invite, updateRole],
	'getAll',
);
