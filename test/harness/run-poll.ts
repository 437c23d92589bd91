import { PollContext, TriggersAndPollers } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeType,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { createTestWorkflow } from './run-node';

export interface PollerOptions {
	nodeType: INodeType;
	parameters: IDataObject;
	credentials?: ICredentialDataDecryptedObject;
}

export interface PollResult {
	/** What poll() returned: null when there was nothing new. */
	returned: INodeExecutionData[][] | null;
	/** The first output's items, [] for null. */
	items: INodeExecutionData[];
	/** Whether n8n would save the workflow's static data after this poll (`__dataChanged`). */
	staticDataChanged: boolean;
}

/**
 * A published polling trigger: every `poll()` runs through n8n-core's real TriggersAndPollers.runPollFunction
 * in a real PollContext (mode 'trigger', as n8n's ActiveWorkflowTriggers creates it; 'manual' for "Fetch Test
 * Event"). Between polls the workflow's static data goes through JSON, as n8n stores it in its database, and a
 * fresh Workflow is built from it, so only what the node put into static data carries over.
 */
export class Poller {
	/** The workflow's static data as n8n would have saved it. */
	staticData: IDataObject = {};

	private readonly pollers = new TriggersAndPollers();

	constructor(private readonly options: PollerOptions) {}

	async poll(
		mode: WorkflowExecuteMode = 'trigger',
		activation: WorkflowActivateMode = 'activate',
		/** The engine's time budget for this poll (PollContext's default: 5 minutes). */
		pollBudgetMs?: number,
	): Promise<PollResult> {
		const { node, workflow: template, additionalData } = createTestWorkflow({
			nodeType: this.options.nodeType,
			parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...this.options.parameters },
			credentials: this.options.credentials,
		});
		const workflow = new Workflow({
			id: template.id,
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: template.nodeTypes,
			staticData: JSON.parse(JSON.stringify(this.staticData)) as IDataObject,
		});
		const context =
			pollBudgetMs === undefined
				? new PollContext(workflow, node, additionalData, mode, activation)
				: new PollContext(
						workflow,
						node,
						additionalData,
						mode,
						activation,
						undefined,
						undefined,
						undefined,
						undefined,
						undefined,
						() => pollBudgetMs,
					);
		const returned = await this.pollers.runPollFunction(workflow, node, context);
		const staticDataChanged = workflow.staticData.__dataChanged === true;
		if (mode !== 'manual' && staticDataChanged) {
			const data = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
			delete data.__dataChanged;
			this.staticData = data;
		}
		return { returned, items: returned?.[0] ?? [], staticDataChanged };
	}
}
