import type { INodeProperties } from 'n8n-workflow';

/** Whether a field (or collection entry) is routed to the body's `callback_url`, which Create and Wait sets itself. */
const setsCallbackUrl = (field: INodeProperties) => field.routing?.send?.property === 'callback_url';

/**
 * A Create operation's fields, shown for Create and Wait instead: same names and routing (so both send the
 * same request), minus the Callback URL entry — Create and Wait sends this execution's resume URL there.
 */
export function creationFieldsFor(createFields: INodeProperties[], operation: string): INodeProperties[] {
	return createFields
		.filter((field) => !setsCallbackUrl(field))
		.map((field) => ({
			...field,
			...(field.type === 'collection' && field.options
				? { options: (field.options as INodeProperties[]).filter((option) => !setsCallbackUrl(option)) }
				: {}),
			displayOptions: { ...field.displayOptions, show: { ...field.displayOptions?.show, operation: [operation] } },
		}));
}

/**
 * The fields every Create and Wait operation shares, after its creation fields: how the output looks
 * (`simplify`, the node's own wording) and n8n's Wait-node style "Limit Wait Time". Parameter names are
 * the same on every node: they are stored in users' workflows.
 */
export function waitFields(show: Record<string, string[]>, simplify: INodeProperties): INodeProperties[] {
	const limited = { ...show, limitWaitTime: [true] };
	return [
		{ ...simplify, displayOptions: { show } },
		{
			displayName: 'Limit Wait Time',
			name: 'limitWaitTime',
			type: 'boolean',
			default: true,
			displayOptions: { show },
			description:
				'Whether to stop waiting at some point. The node then outputs each task still open with "timedOut": true, as it was when created.',
		},
		{
			displayName: 'Limit Type',
			name: 'limitType',
			type: 'options',
			displayOptions: { show: limited },
			options: [
				{ name: 'After Time Interval', value: 'afterTimeInterval', description: 'Waits for a certain amount of time' },
				{ name: 'At Specified Time', value: 'atSpecifiedTime', description: 'Waits until a date and time' },
			],
			default: 'afterTimeInterval',
			description: 'When to stop waiting for Scale',
		},
		{
			displayName: 'Amount',
			name: 'resumeAmount',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			displayOptions: { show: { ...limited, limitType: ['afterTimeInterval'] } },
			default: 24,
			description: 'How long to wait',
		},
		{
			displayName: 'Unit',
			name: 'resumeUnit',
			type: 'options',
			displayOptions: { show: { ...limited, limitType: ['afterTimeInterval'] } },
			options: [
				{ name: 'Minutes', value: 'minutes' },
				{ name: 'Hours', value: 'hours' },
				{ name: 'Days', value: 'days' },
			],
			default: 'hours',
			description: 'The unit of Amount',
		},
		{
			displayName: 'Max Date and Time',
			name: 'maxDateAndTime',
			type: 'dateTime',
			displayOptions: { show: { ...limited, limitType: ['atSpecifiedTime'] } },
			default: '',
			description: 'When to stop waiting for Scale',
		},
	];
}

/** The notice at the top of a Create and Wait panel: what it does and what it needs. */
export function waitNotice(show: Record<string, string[]>): INodeProperties {
	return {
		displayName:
			'The workflow pauses here until Scale calls back for every task (completed, error or canceled), then continues with the tasks. Scale must reach n8n\'s public webhook URL, and the credential needs the Callback Auth Key. Each task\'s callback URL is this execution\'s resume URL.',
		name: 'createAndWaitNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	};
}
