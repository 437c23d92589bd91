import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecuteFunctions,
	IExecutePaginationFunctions,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodePropertyRouting,
	PreSendAction,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { preparationErrorOf } from '../transport';

/**
 * One input item seen the way declarative hooks expect (preSend actions, transport executors): they are
 * written for RoutingNode's per-item context, and a custom operation only has the node-wide one. Everything
 * not overridden here (node, credentials, helpers, execute data) is the engine's own context.
 */
export function itemContext(context: IExecuteFunctions, itemIndex: number): IExecutePaginationFunctions {
	const view = Object.create(context) as IExecutePaginationFunctions;
	view.getItemIndex = () => itemIndex;
	view.getNodeParameter = (name: string, fallback?: unknown, options?: object) =>
		context.getNodeParameter(name, itemIndex, fallback, options);
	view.getInputData = () => context.getInputData()[itemIndex];
	return view;
}

type Routed = DeclarativeRestApiSettings.HttpRequestOptions;

/**
 * Resolves a routing value: plain values as they are, `={{ … }}` expressions through n8n (with `$value`
 * standing for the parameter's value, as RoutingNode provides it).
 */
function resolve(context: IExecuteFunctions, itemIndex: number, value: unknown, $value?: unknown): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	const literal = $value === undefined ? 'undefined' : JSON.stringify($value);
	return context.evaluateExpression(value.slice(1).replace(/\$value\b/g, `(${literal})`), itemIndex);
}

function setPath(target: IDataObject, path: string, value: unknown): void {
	const keys = path.split('.');
	let cursor = target;
	for (const key of keys.slice(0, -1)) {
		if (typeof cursor[key] !== 'object' || cursor[key] === null) cursor[key] = {};
		cursor = cursor[key] as IDataObject;
	}
	cursor[keys[keys.length - 1]] = value as IDataObject[string];
}

interface Collected {
	request: Routed;
	preSend: PreSendAction[];
}

function applyRouting(
	context: IExecuteFunctions,
	itemIndex: number,
	routing: INodePropertyRouting,
	value: unknown,
	into: Collected,
): void {
	for (const [key, raw] of Object.entries(routing.request ?? {})) {
		(into.request as IDataObject)[key] = resolve(context, itemIndex, raw, value) as IDataObject[string];
	}
	const send = routing.send;
	if (!send) return;
	if (send.property !== undefined) {
		const property = String(resolve(context, itemIndex, send.property, value));
		const sent = send.value === undefined ? value : resolve(context, itemIndex, send.value, value);
		const target = (send.type === 'query' ? (into.request.qs ??= {}) : (into.request.body ??= {})) as IDataObject;
		if (send.propertyInDotNotation === false) target[property] = sent as IDataObject[string];
		else setPath(target, property, sent);
	}
	into.preSend.push(...(send.preSend ?? []));
}

/**
 * Builds one item's request from declarative field definitions the way n8n's RoutingNode does for the
 * fields Create uses (`routing.request`, `routing.send` body/query properties and preSend hooks, on
 * top-level fields, collection entries and selected options), so Create and Wait sends exactly what Create
 * sends without a second copy of the mapping.
 */
function collect(
	context: IExecuteFunctions,
	itemIndex: number,
	property: INodeProperties,
	path: string,
	into: Collected,
): void {
	const node = context.getNode();
	if (!NodeHelpers.displayParameter(node.parameters, property, node, null, node.parameters)) return;
	const name = path ? `${path}.${property.name}` : property.name;
	if (property.routing) {
		const value = context.getNodeParameter(name, itemIndex, undefined, {
			extractValue: property.type === 'resourceLocator' || property.extractValue !== undefined,
		});
		applyRouting(context, itemIndex, property.routing, value, into);
	}
	if (property.type === 'options' && (property.options as INodePropertyOptions[] | undefined)?.some((entry) => entry.routing)) {
		const chosen = context.getNodeParameter(name, itemIndex, undefined);
		const option = (property.options as INodePropertyOptions[] | undefined)?.find((entry) => entry.value === chosen);
		if (option?.routing) applyRouting(context, itemIndex, option.routing, chosen, into);
	} else if (property.type === 'collection') {
		const set = (context.getNodeParameter(name, itemIndex, {}) ?? {}) as IDataObject;
		for (const option of (property.options ?? []) as INodeProperties[]) {
			if (option.type !== undefined && Object.keys(set).includes(option.name)) collect(context, itemIndex, option, name, into);
		}
	} else if (property.type === 'fixedCollection' && !property.typeOptions?.multipleValues) {
		// A list of entries (multipleValues) is read whole by its field's own preSend, as Create's fields do.
		for (const group of (property.options ?? []) as INodePropertyCollection[]) {
			const groupPath = `${name}.${group.name}`;
			// A fallback is needed: n8n throws for a missing parameter read without one.
			if (context.getNodeParameter(groupPath, itemIndex, null) === null) continue;
			for (const field of group.values) collect(context, itemIndex, field, groupPath, into);
		}
	}
}

/** The request Create would send for this item: the operation's own routing, then every field's. */
export async function createRequestForItem(
	context: IExecuteFunctions,
	itemIndex: number,
	operationRouting: INodePropertyRouting | undefined,
	fields: INodeProperties[],
): Promise<Routed> {
	const into: Collected = { request: { qs: {}, body: {}, headers: {} }, preSend: [] };
	if (operationRouting) applyRouting(context, itemIndex, operationRouting, undefined, into);
	for (const field of fields) collect(context, itemIndex, field, '', into);
	const view = itemContext(context, itemIndex);
	let request = into.request;
	for (const action of into.preSend) {
		request = (await action.call(view, request as never)) as Routed;
	}
	const invalid = preparationErrorOf(view, itemIndex);
	if (invalid) throw invalid;
	return request;
}
