import type { INodeProperties } from 'n8n-workflow';

import { resourceOperations } from '../../../shared/descriptions';
import * as importFile from './import';
import * as upload from './upload';

export const fileOperations: INodeProperties[] = resourceOperations('file', [importFile, upload], 'upload');
