import * as cancel from './cancel';
import * as create from './create';
import * as finalize from './finalize';
import * as get from './get';
import * as getAll from './getAll';
import * as pause from './pause';
import * as resume from './resume';
import * as setMetadata from './setMetadata';

// Operation values are stored in users' workflows: never rename one.
export const batchOperations = [cancel, create, finalize, get, getAll, pause, resume, setMetadata];
