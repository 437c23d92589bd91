import nock from 'nock';

// Jest gives every test file a fresh copy of nock in the same worker process; each copy patches Node's
// http module. Restoring after each file keeps an old copy (and its disableNetConnect) from answering
// the next file's requests.
afterAll(() => {
	nock.cleanAll();
	nock.restore();
});
