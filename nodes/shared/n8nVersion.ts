import { NodeConnectionTypes } from 'n8n-workflow';

/**
 * The oldest n8n these nodes load in. n8n-workflow 1.83.0 (shipped with n8n 1.85) introduced the runtime value
 * `NodeConnectionTypes` that every node description uses; older n8n fails on it with a bare TypeError.
 */
export const MINIMUM_N8N_VERSION = '1.85.0';

if (typeof NodeConnectionTypes?.Main !== 'string') {
	throw new Error(
		`n8n-nodes-scaleapi needs n8n ${MINIMUM_N8N_VERSION} or newer: this n8n's n8n-workflow has no NodeConnectionTypes. Update n8n.`,
	);
}
