import type { IDataObject } from 'n8n-workflow';

import { ScaleBatch } from '../../nodes/ScaleBatch/ScaleBatch.node';
import { AWKWARD_ENCODED, AWKWARD_NAME } from '../harness/constants';
import { scaleNodeRunner } from '../harness/run-node';

/** Where the batch named AWKWARD_NAME lives. */
export const AWKWARD_PATH = `/batches/${AWKWARD_ENCODED}`;

/** Runs the Scale Batch node (resource `batch`). */
export const runBatch = scaleNodeRunner(ScaleBatch, 'batch');

/** A batch object as Scale returns it (scale.com/docs/api-reference/batches). */
export function scaleBatch(overrides: IDataObject = {}): IDataObject {
	return {
		name: AWKWARD_NAME,
		project: 'Street signs',
		status: 'in_progress',
		callback: '',
		created_at: '2026-11-28T10:00:00.000Z',
		metadata: {},
		...overrides,
	};
}
