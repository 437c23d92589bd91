import { under, type Route } from '../router';
import { batchRoutes } from './batches';
import { fileRoutes } from './files';
import { projectRoutes } from './projects';
import { qualityRoutes } from './quality';
import { studioRoutes } from './studio';
import { taskRoutes } from './tasks';
import { teamRoutes } from './teams';

/** Every API route, one line per version (each list's paths are relative to its prefix, e.g. `/v1`). */
export const apiRoutes: Route[] = [
	...under('v1', [...taskRoutes, ...qualityRoutes, ...batchRoutes, ...projectRoutes, ...fileRoutes, ...teamRoutes, ...studioRoutes], { strictQuery: true }),
];

export { controlRoutes } from './control';
