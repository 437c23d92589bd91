import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { v2SendOnce } from '../../../shared/transport/v2';
import { idField } from '../fields';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get an annotation',
	description: 'Get one annotation of a task by its ID',
	routing: scaleRouting({ method: 'GET', url: '/v2/annotation' }, v2SendOnce()),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['annotation'], operation: ['get'] } },
	[idField('Annotation ID', 'annotationId', 'annotation_id', 'The ID of the annotation')],
);
