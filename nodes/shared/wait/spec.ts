import type { IBinaryKeyData, IDataObject, INodeProperties, INodePropertyRouting, IWebhookFunctions } from 'n8n-workflow';

import type { ScaleRequest, SendStrategy } from '../transport';
import type { DownloadSettings } from '../transport/v2';

/**
 * What differs between one Create and Wait and another (Scale Task on v1, Scale GenAI on v2); everything
 * else — the wait, the resume URL, the callback check, the deadline — is shared (see ./execute, ./webhook).
 */
export interface CreateAndWaitSpec {
	/** Create's own routing (method and path); the creation fields add the body. */
	createRouting: INodePropertyRouting | undefined;
	/** Create's fields as this operation shows them (creationFieldsFor). */
	creationFields: INodeProperties[];
	/** How one create is sent — Create's unique-ID safety, recovery and retries, with the resume URL as callback. */
	sendCreate: SendStrategy;
	/** The request that reads one task by ID; `baseURL` is the credential's (v1) base URL. */
	readTask(taskId: string, baseURL: string): ScaleRequest;
	/** Statuses after which Scale sends no further result for a task. */
	finishedStatuses: readonly string[];
	/** The task as the node outputs it: whole, or what Simplify keeps. */
	shapeTask(task: IDataObject, simplify: boolean): IDataObject;
	/** Binary data to output with a finished task (GenAI: Options → Download Files), or undefined. */
	filesOf?(context: IWebhookFunctions, task: IDataObject, settings: DownloadSettings): Promise<IBinaryKeyData | undefined>;
}

export const isFinished = (spec: CreateAndWaitSpec, task: IDataObject | undefined) =>
	typeof task?.status === 'string' && spec.finishedStatuses.includes(task.status);
