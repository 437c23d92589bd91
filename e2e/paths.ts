import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The package's root folder, found from here whether this runs from e2e/ (Jest) or build/e2e/ (node). */
export function packageRoot(from = __dirname): string {
	for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'n8n-nodes-scaleapi') return dir;
	}
	throw new Error(`no n8n-nodes-scaleapi package.json above ${from}`);
}
