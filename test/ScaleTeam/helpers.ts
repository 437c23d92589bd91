import type { IDataObject } from 'n8n-workflow';

import { ScaleTeam } from '../../nodes/ScaleTeam/ScaleTeam.node';
import { scaleNodeRunner } from '../harness/run-node';

/** Runs the Scale Team node (resource `teammate`). */
export const runTeam = scaleNodeRunner(ScaleTeam, 'teammate');

/** A teammate as Scale returns it (the Python SDK's `Teammate`). */
export function teammate(email: string, role = 'labeler'): IDataObject {
	return { email, role, company: 'Acme', firstName: '', lastName: '', isStudioLabeler: role === 'labeler' };
}
