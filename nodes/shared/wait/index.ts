// Create and Wait, shared by Scale Task and Wait (v1) and Scale GenAI Task and Wait (v2): each node gives a
// CreateAndWaitSpec (its Create's fields and send strategy, how to read a task, how to shape it).
export { createAndWait, resumeUrlFor } from './execute';
export { creationFieldsFor, waitFields, waitNotice } from './fields';
export {
	CREATE_AND_WAIT,
	createAndWaitExecute,
	createAndWaitNodeDescription,
	createAndWaitShow,
	createAndWaitWebhookHandler,
} from './node';
export { createRequestForItem, itemContext } from './request';
export type { CreateAndWaitSpec } from './spec';
export { createAndWaitWebhook, createAndWaitWebhookMethods, createAndWaitWebhooks } from './webhook';
