export { searchBatches } from './searchBatches';
export { searchProjects } from './searchProjects';
export { searchTasks } from './searchTasks';
