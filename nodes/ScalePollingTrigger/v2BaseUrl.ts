import type { IDataObject } from 'n8n-workflow';

import { scaleBaseUrl } from '../shared/transport';

/**
 * Scale's v2 (GenAI) paths start at the host root (`https://api.scale.com/v2/…`), while the credential's Base
 * URL names v1 (`…/v1`). The v2 base is the credential's Base URL without its trailing `/v1`, so a gateway
 * or the sandbox (`http://127.0.0.1:4010/v1`) serves v2 under the same prefix.
 */
export function scaleV2BaseUrl(credentials: IDataObject): string {
	return scaleBaseUrl(credentials).replace(/\/v1$/, '');
}
