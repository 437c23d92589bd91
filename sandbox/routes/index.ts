import type { Route } from '../router';
import { batchRoutes } from './batches';
import { fileRoutes } from './files';
import { projectRoutes } from './projects';
import { qualityRoutes } from './quality';
import { studioRoutes } from './studio';
import { taskRoutes } from './tasks';
import { teamRoutes } from './teams';

/** Every /v1 route (paths relative to /v1). */
export const apiRoutes: Route[] = [
	...taskRoutes,
	...qualityRoutes,
	...batchRoutes,
	...projectRoutes,
	...fileRoutes,
	...teamRoutes,
	...studioRoutes,
];

export { controlRoutes } from './control';
