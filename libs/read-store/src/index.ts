export * from './read-store.port';
export { InvalidDocumentError, MAX_DOCUMENT_BYTES } from './validate-writes';
