export { searchBatches } from './searchBatches';
export { searchProjects } from './searchProjects';
