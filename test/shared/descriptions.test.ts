import type { INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { ScaleTask } from '../../nodes/ScaleTask/ScaleTask.node';
import { mergeSharedFields } from '../../nodes/shared/descriptions';

const field = (operation: string, preSend = [async () => ({ url: '' })]): INodeProperties => ({
	displayName: 'Task ID',
	name: 'taskId',
	type: 'string',
	default: '',
	displayOptions: { show: { resource: ['task'], operation: [operation] } },
	routing: { send: { preSend } },
});

describe('mergeSharedFields', () => {
	test('folds identical copies of a field into one entry shown for all their operations', () => {
		const hooks = [async () => ({ url: '' })];
		const merged = mergeSharedFields([field('get', hooks), field('cancel', hooks), field('audit', hooks)]);

		expect(merged).toHaveLength(1);
		expect(merged[0].displayOptions?.show).toEqual({ resource: ['task'], operation: ['get', 'cancel', 'audit'] });
	});

	test('keeps copies apart when their hooks are different functions or other settings differ', () => {
		const merged = mergeSharedFields([field('get'), field('cancel'), { ...field('audit'), required: true }]);

		expect(merged).toHaveLength(3);
	});

	test('the Scale Task node keeps one Task ID entry and still shows each operation its own fields', () => {
		const { properties } = new ScaleTask().description;
		const taskIdEntries = properties.filter((property) => property.name === 'taskId');
		expect(taskIdEntries).toHaveLength(1);
		const operations = (properties.find((property) => property.name === 'operation')?.options ?? []).map(
			(option) => (option as { value: string }).value,
		);
		const shown = (operation: string) =>
			properties
				.filter((property) =>
					NodeHelpers.displayParameter(
						{ resource: 'task', operation, taskType: 'imageannotation', returnAll: false },
						property,
						null,
						null,
						{ resource: 'task', operation, taskType: 'imageannotation', returnAll: false },
					),
				)
				.map((property) => property.name);
		expect(shown('addTags')).toEqual(['resource', 'operation', 'taskId', 'tags', 'options']);
		expect(shown('get')).toEqual(['resource', 'operation', 'taskId', 'simplify', 'options']);
		// Image Annotation (the default type): required fields first, then the optional ones, Additional Fields
		// and Options last.
		expect(shown('createTrainingTask')).toEqual([
			'resource', 'operation', 'taskType', 'attachmentType', 'attachment', 'expectedResponse', 'geometries',
			'project', 'batch', 'additionalFields', 'options',
		]);
		expect(shown('getAll')).toEqual([
			'resource', 'operation', 'returnAll', 'limit', 'project', 'batch', 'filters', 'simplify', 'options',
		]);
		for (const operation of operations) expect(shown(operation)).toContain('options');
	});
});
