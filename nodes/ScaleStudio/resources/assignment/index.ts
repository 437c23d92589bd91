import type { INodeProperties } from 'n8n-workflow';

import { resourceOperations } from '../../../shared/descriptions';
import * as add from './add';
import * as getAll from './getAll';
import * as remove from './remove';

export const assignmentOperations: INodeProperties[] = resourceOperations('assignment', [add, getAll, remove], 'getAll');
