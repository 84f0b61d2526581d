import type { CommandChain, ImportPlan } from '../../import/import-plan';
import { compact } from '../source-values';
import { INCIDENT_SLA_EFFECTIVE_AT, INCIDENT_SLA_POLICIES } from './incident-priorities';
import { groupIncidents, known, parseIncidentTime } from './incident-rows';
import { callerContactId, ticketChain } from './ticket-history';

/**
 * Maps the UCI incident log: the SLA policies and one contact per caller first, then one ticket
 * chain per incident. `limit` keeps the first incidents (in file order); callers are registered
 * at their first incident in the whole file, so limited and full runs send the same payloads.
 */
export function planIncidentImport(
  rows: readonly Record<string, string>[],
  limit?: number,
): ImportPlan {
  const incidents = groupIncidents(rows);
  const selected = incidents.slice(0, limit);
  const firstOpened = firstOpenedByCaller(incidents.map((incident) => incident.rows[0]!));

  const policies: CommandChain[] = INCIDENT_SLA_POLICIES.map((policy) => ({
    entity: `SLA policy ${policy.priority}`,
    commands: [
      {
        type: 'DefineSlaPolicy',
        idempotencyKey: `uci-sla-${policy.priority}`,
        payload: { ...policy, occurredAt: INCIDENT_SLA_EFFECTIVE_AT },
      },
    ],
  }));
  const callers = [...new Set(selected.map((incident) => incident.rows[0]!.caller_id ?? '?'))];
  const contacts: CommandChain[] = callers.map((caller) => {
    const contactId = callerContactId(caller);
    const payload = compact({
      contactId,
      // RegisterContact needs a name; the anonymised caller id is the only one the log has.
      lastName: known(caller) ?? 'Unknown caller',
      source: 'uci-incident-log',
      occurredAt: firstOpened.get(contactId),
    });
    return {
      entity: `contact ${contactId}`,
      commands: [{ type: 'RegisterContact', idempotencyKey: contactId, payload }],
    };
  });
  return {
    dataset: 'uci-incident-log',
    phases: [
      { name: 'SLA policies and callers', chains: [...policies, ...contacts] },
      { name: 'incidents', chains: selected.map(ticketChain) },
    ],
  };
}

function firstOpenedByCaller(firstRows: readonly Record<string, string>[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const row of firstRows) {
    const contactId = callerContactId(row.caller_id);
    const openedAt = parseIncidentTime(row.opened_at!);
    const known = first.get(contactId);
    if (known === undefined || Date.parse(openedAt) < Date.parse(known)) {
      first.set(contactId, openedAt);
    }
  }
  return first;
}
