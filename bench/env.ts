import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Must run before n8n-core is required: its InstanceSettings writes <N8N_USER_FOLDER>/.n8n/config.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-nodes-scaleapi-bench-'));
