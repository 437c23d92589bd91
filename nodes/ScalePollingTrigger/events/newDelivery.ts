import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { CREDENTIAL_TYPE, scaleBaseUrl } from '../../shared/transport';
import type { Cursor } from '../cursor';
import { advance, queryFrom, timeOf } from '../cursor';
import type { PollFilters } from '../shared';
import { docsOf, getJson, iso, nothingYet } from '../shared';
import { v2RootUrl } from '../../shared/transport/v2';

/** GET /v2/deliveries (Python SDK `client.v2.get_deliveries`): one unpaged list per project. */
async function listDeliveries(context: IPollFunctions, filters: PollFilters, qs: IDataObject): Promise<IDataObject[]> {
	const baseURL = v2RootUrl(scaleBaseUrl(await context.getCredentials(CREDENTIAL_TYPE)));
	const page = await getJson(context, {
		url: '/v2/deliveries',
		qs: { project_name: filters.project, ...qs },
		extra: { baseURL },
	});
	return docsOf(page, 'deliveries').filter((delivery) => typeof delivery.id === 'string');
}

export async function pollDeliveries(
	context: IPollFunctions,
	filters: PollFilters,
	cursor: Cursor,
): Promise<{ cursor: Cursor; items: INodeExecutionData[] }> {
	const deliveries = await listDeliveries(context, filters, { delivered_after: iso(queryFrom(cursor)) });
	const now = Date.now();
	const records = deliveries.map((delivery) => ({
		id: delivery.id as string,
		ms: timeOf(delivery.delivered_at) ?? now,
		delivery,
	}));
	const next = advance(cursor, records, true);
	return { cursor: next.cursor, items: next.fresh.map(({ delivery }) => ({ json: delivery })) };
}

/** "Fetch Test Event": the project's most recent delivery. */
export async function sampleDelivery(context: IPollFunctions, filters: PollFilters): Promise<INodeExecutionData[]> {
	const deliveries = await listDeliveries(context, filters, {});
	const latest = deliveries.sort((a, b) => (timeOf(b.delivered_at) ?? 0) - (timeOf(a.delivered_at) ?? 0))[0];
	if (!latest) nothingYet(context, 'GenAI delivery');
	return [{ json: latest }];
}
