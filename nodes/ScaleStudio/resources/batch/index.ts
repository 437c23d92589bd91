import type { INodeProperties } from 'n8n-workflow';

import { resourceOperations } from '../../../shared/descriptions';
import * as assign from './assign';
import * as getAll from './getAll';
import * as resetPriorities from './resetPriorities';
import * as setPriorities from './setPriorities';

export const studioBatchOperations: INodeProperties[] = resourceOperations('batch', [assign, getAll, resetPriorities, setPriorities], 'getAll');
