import type { INodeProperties } from 'n8n-workflow';

import { resourceOperations } from '../../../shared/descriptions';
import * as create from './create';
import * as getAll from './getAll';
import * as update from './update';

export const projectGroupOperations: INodeProperties[] = resourceOperations('projectGroup', [create, getAll, update], 'getAll');
