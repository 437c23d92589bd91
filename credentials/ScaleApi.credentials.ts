import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export const SCALE_DEFAULT_BASE_URL = 'https://api.scale.com/v1';

/** The credential's base URL without trailing slashes; the transport's `scaleBaseUrl()` applies the same rule. */
export const SCALE_BASE_URL_EXPRESSION = `={{ ($credentials.baseUrl || "${SCALE_DEFAULT_BASE_URL}").replace(/\\/+$/, "") }}`;

export class ScaleApi implements ICredentialType {
	// A literal on purpose: n8n's linter reads it to check that nodes use this package's own credential.
	name = 'scaleApi';

	displayName = 'Scale API';

	icon: Icon = { light: 'file:../icons/scale.svg', dark: 'file:../icons/scale.dark.svg' };

	documentationUrl = 'https://scale.com/docs/api-reference/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Your Scale API key, from Scale\'s dashboard → API Keys. Test keys (test_…) and live keys (live_…) see separate data.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: SCALE_DEFAULT_BASE_URL,
			placeholder: `e.g. ${SCALE_DEFAULT_BASE_URL}`,
			description:
				'Change only for an API gateway, a proxy or the local Scale sandbox (e.g. http://127.0.0.1:4010/v1)',
		},
		{
			displayName: 'Callback Auth Key',
			name: 'callbackAuthKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Used by the Scale Trigger to reject forged callbacks. Scale shows it on the dashboard under API Keys → Live Callback Auth Key.',
		},
	];

	// Scale uses HTTP Basic with the API key as the user name and an empty password.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.apiKey}}',
				password: '',
			},
		},
	};

	// n8n shows a rule's message instead of the bare status text ("Unauthorized") when the test fails.
	test: ICredentialTestRequest = {
		request: {
			baseURL: SCALE_BASE_URL_EXPRESSION,
			url: '/batches',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Scale refused this API key (401 Unauthorized: no valid API key). Copy the key again from Scale\'s dashboard → API Keys, without spaces. Test keys (test_…) and live keys (live_…) are separate: use the one for the environment your projects are in.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Scale accepted the key but refused access (403 Forbidden). Only Admins and Managers of a Scale team can use API keys: ask your team admin for the Manager role.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'The Base URL does not lead to Scale\'s API (404 Not Found). Leave it at https://api.scale.com/v1 unless you use a gateway or the local sandbox (then include /v1).',
				},
			},
		],
	};
}

/** The credential type's name, as nodes and the transport reference it (the class's `name` is the one literal). */
export const SCALE_API_CREDENTIAL = new ScaleApi().name;
