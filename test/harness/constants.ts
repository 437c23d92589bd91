/** The values every test shares: the test credential, the sandbox's key, how the credential authenticates. */

/** The API key and base URL of the test credential (nock intercepts this base URL). */
export const TEST_API_KEY = 'test_0123456789abcdef';
export const TEST_BASE_URL = 'https://api.scale.com/v1';

/** The key the local sandbox accepts by default (`sandbox --api-key`). */
export const SANDBOX_API_KEY = 'test_sandbox_key';

/** The header the Scale credential produces: Basic auth, API key as user name, empty password. */
export const authorizationFor = (apiKey: string) => `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`;

/** The header every request made with the test credential carries. */
export const EXPECTED_AUTH = authorizationFor(TEST_API_KEY);

/** A batch or project name with a space and a slash, and how it must appear in a path (Python's quote(x, safe="")). */
export const AWKWARD_NAME = 'Q4 / cars';
export const AWKWARD_ENCODED = 'Q4%20%2F%20cars';
