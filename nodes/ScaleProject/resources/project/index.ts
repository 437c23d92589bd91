import type { INodeProperties } from 'n8n-workflow';

import { resourceOperations } from '../../../shared/descriptions';
import * as create from './create';
import * as get from './get';
import * as getAll from './getAll';
import * as getTemplate from './getTemplate';
import * as update from './update';

export const projectOperations: INodeProperties[] = resourceOperations(
	'project',
	[create, get, getAll, getTemplate, update],
	'get',
);
