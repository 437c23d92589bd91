import type { INodeProperties } from 'n8n-workflow';

import { resourceOperations } from '../../../shared/descriptions';
import * as create from './create';
import * as finalize from './finalize';
import * as get from './get';
import * as getAll from './getAll';
import * as getStatus from './getStatus';
import * as setMetadata from './setMetadata';

export const batchOperations: INodeProperties[] = resourceOperations(
	'batch',
	[create, finalize, get, getAll, getStatus, setMetadata],
	'create',
);
