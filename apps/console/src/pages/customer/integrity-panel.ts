import type { ApiClient } from '../../session/api-client';
import type { Checkpoint, CustomerVerification } from '../../session/api-shapes';
import { h } from '../../ui/dom';
import { formatCount, formatTime, shortHash } from '../../ui/format';
import { checkCheckpointSignature, type SignatureCheck } from './checkpoint-signature';

export interface IntegrityFacts {
  verification: CustomerVerification;
  checkpoint: Checkpoint;
  signature: SignatureCheck;
}

export async function loadIntegrity(api: ApiClient, contactId: string): Promise<IntegrityFacts> {
  const [verification, checkpoint] = await Promise.all([
    api.get<CustomerVerification>(`/audit/customers/${encodeURIComponent(contactId)}/verify`),
    api.get<Checkpoint>('/audit/checkpoints/latest'),
  ]);
  return { verification, checkpoint, signature: await checkCheckpointSignature(checkpoint) };
}

/**
 * The badge: every stream of the history re-verified by the server (hash chains and the Merkle
 * tree's leaves), and the latest signed checkpoint with its signature checked here.
 * `lastPosition` is the newest event of the history, to say whether the checkpoint covers it.
 */
export function integrityPanel(
  facts: IntegrityFacts,
  lastPosition: string | undefined,
): HTMLElement {
  const { verification, checkpoint } = facts;
  const events = verification.streams.reduce((sum, stream) => sum + stream.events, 0);
  const broken = verification.streams.filter((stream) => !stream.ok);
  const badge = verification.ok
    ? h('p', { class: 'badge badge-ok', 'data-integrity': 'ok' }, '✓ Integrity verified')
    : h('p', { class: 'badge badge-bad', 'data-integrity': 'failed' }, '✗ Integrity check failed');
  return h(
    'section',
    { class: 'panel integrity', 'aria-labelledby': 'integrity-title' },
    h('h2', { id: 'integrity-title' }, 'Integrity'),
    badge,
    h(
      'p',
      {},
      `${formatCount(verification.streams.length)} streams, ${formatCount(events)} events: each `,
      "stream's hash chain recomputed and each event matched to its leaf in the Merkle tree.",
    ),
    broken.length > 0
      ? h(
          'ul',
          { class: 'problems' },
          ...broken.map((stream) =>
            h('li', {}, `${stream.streamId}: first bad revision ${stream.firstBadRevision ?? '?'}`),
          ),
        )
      : undefined,
    checkpointFacts(checkpoint, facts.signature, lastPosition),
  );
}

function checkpointFacts(
  checkpoint: Checkpoint,
  signature: SignatureCheck,
  lastPosition: string | undefined,
): HTMLElement {
  const covered = lastPosition === undefined || BigInt(lastPosition) <= BigInt(checkpoint.position);
  return h(
    'dl',
    { class: 'facts', 'aria-label': 'Latest signed checkpoint' },
    h('dt', {}, 'Latest signed checkpoint'),
    h('dd', { 'data-fact': 'treeSize' }, `${formatCount(checkpoint.treeSize)} events`),
    h('dt', {}, 'Root hash'),
    h('dd', { title: checkpoint.rootHash }, h('code', {}, shortHash(checkpoint.rootHash))),
    h('dt', {}, 'Signed at'),
    h('dd', {}, `${formatTime(checkpoint.timestamp)}, key ${checkpoint.keyId}`),
    h('dt', {}, 'Signature'),
    h('dd', { 'data-fact': 'signature', 'data-value': signature }, signatureText(signature)),
    h('dt', {}, 'This history'),
    h(
      'dd',
      { 'data-fact': 'coverage' },
      covered
        ? 'Every event shown is covered by this checkpoint.'
        : `Events after position ${checkpoint.position} will be covered by the next checkpoint ` +
            '(signed at least every 1,000 events or 60 s).',
    ),
  );
}

function signatureText(signature: SignatureCheck): string {
  switch (signature) {
    case 'valid':
      return 'Valid Ed25519 signature, checked in this browser. Compare the key id with the one your organisation trusts.';
    case 'invalid':
      return 'INVALID: the signature or key id does not match this checkpoint.';
    case 'unsupported':
      return 'Not checked here: this browser offers no Ed25519 on this connection (it needs HTTPS or localhost).';
  }
}
