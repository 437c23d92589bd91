import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ensureN8n1Runtime } from '../../runtime';

/** Jest global setup of jest.n8n1.config.js: installs n8n 1.x (first run only) and says which engine runs. */
export default function installN8n1(): void {
	// n8n-core 1.x warns on every InstanceSettings load unless the settings file permissions are enforced.
	process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'true';
	const { n8nDir } = ensureN8n1Runtime();
	const version = (name: string) =>
		(JSON.parse(readFileSync(join(n8nDir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
	process.stderr.write(
		`\nunit suite on n8n ${version('n8n')}'s engine: n8n-core ${version('n8n-core')}, n8n-workflow ${version('n8n-workflow')}, Node.js ${process.version}\n`,
	);
}
