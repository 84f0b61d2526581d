import type { CommandType } from '@chronicle/application';
import type { CommandChain, PlannedCommand } from '../../import/import-plan';
import { compact, slug } from '../source-values';
import { chroniclePriority } from './incident-priorities';
import { type Incident, known, parseIncidentTime } from './incident-rows';

/** The ticket's id in Chronicle. */
export function ticketId(incidentNumber: string): string {
  return `uci-${incidentNumber}`;
}

/** The contact that stands for a caller; the log's anonymised caller id is all there is. */
export function callerContactId(callerId: string | undefined): string {
  const caller = known(callerId);
  return caller === undefined ? 'uci-caller-unknown' : `uci-${slug(caller)}`;
}

interface TicketProgress {
  assignee?: string;
  team?: string;
  priority: string;
  responded: boolean;
  resolved: boolean;
  closed: boolean;
}

/**
 * One incident as ticket commands: `OpenTicket` at `opened_at`, then per audit row, at its
 * `sys_updated_at` (never before the opening): a changed assignee or group → `AssignTicket`, a
 * changed priority → `ChangeTicketPriority`, the first state other than New → `RespondToTicket`,
 * entering Resolved → `ResolveTicket`, leaving Resolved for an open state → `ReopenTicket`, the
 * first Closed → `CloseTicket`. Rows after the first Closed are dropped: a closed ticket is final.
 */
export function ticketChain(incident: Incident): CommandChain {
  const first = incident.rows[0]!;
  const id = ticketId(incident.number);
  const openedAt = parseIncidentTime(first.opened_at!);
  const progress: TicketProgress = {
    team: groupId(first.assignment_group),
    priority: chroniclePriority(first.priority),
    responded: false,
    resolved: false,
    closed: false,
  };
  const commands: PlannedCommand[] = [
    {
      type: 'OpenTicket',
      idempotencyKey: `${id}-open`,
      payload: compact({
        ticketId: id,
        contactId: callerContactId(first.caller_id),
        subject: `${incident.number}: ${known(first.category) ?? 'Uncategorised'} / ${
          known(first.subcategory) ?? 'no subcategory'
        }`,
        description: known(first.u_symptom),
        priority: progress.priority,
        channel: first.contact_type === 'Email' ? 'email' : 'phone',
        category: known(first.category),
        teamId: progress.team,
        occurredAt: openedAt,
      }),
    },
  ];
  incident.rows.forEach((row, index) => {
    if (progress.closed) return;
    const at = laterOf(parseIncidentTime(row.sys_updated_at!), openedAt);
    const add = (type: CommandType, action: string, fields: Record<string, unknown>): void => {
      const payload = compact({ ticketId: id, ...fields, occurredAt: at });
      commands.push({ type, idempotencyKey: `${id}-${index}-${action}`, payload });
    };
    stepsForRow(row, progress, add);
  });
  return { entity: `ticket ${id}`, commands };
}

type AddCommand = (type: CommandType, action: string, fields: Record<string, unknown>) => void;

function stepsForRow(row: Record<string, string>, progress: TicketProgress, add: AddCommand): void {
  const agent = agentId(row.assigned_to);
  const team = groupId(row.assignment_group);
  if (agent !== undefined && (agent !== progress.assignee || (team && team !== progress.team))) {
    add('AssignTicket', 'assign', { agentId: agent, teamId: team });
    progress.assignee = agent;
    progress.team = team ?? progress.team;
  }
  const priority = chroniclePriority(row.priority);
  if (priority !== progress.priority) {
    add('ChangeTicketPriority', 'priority', { priority });
    progress.priority = priority;
  }
  const state = row.incident_state;
  if (state !== 'New' && !progress.responded) {
    // ServiceNow's response clock stops when an incident leaves New: that is its first response.
    const responder = progress.assignee ?? `uci-${slug(row.sys_updated_by ?? 'unknown updater')}`;
    add('RespondToTicket', 'respond', { agentId: responder });
    progress.responded = true;
    progress.assignee ??= responder;
  }
  if (state === 'Resolved' && !progress.resolved) {
    const code = known(row.closed_code);
    add('ResolveTicket', 'resolve', { resolution: code ? `Resolved (${code})` : 'Resolved' });
    progress.resolved = true;
  } else if (state === 'Closed') {
    add('CloseTicket', 'close', {});
    progress.closed = true;
  } else if (state !== 'Resolved' && progress.resolved) {
    add('ReopenTicket', 'reopen', { reason: `Back to ${state}` });
    progress.resolved = false;
  }
}

function agentId(assignedTo: string | undefined): string | undefined {
  const agent = known(assignedTo);
  return agent === undefined ? undefined : `uci-${slug(agent)}`;
}

function groupId(group: string | undefined): string | undefined {
  const name = known(group);
  return name === undefined ? undefined : `uci-${slug(name)}`;
}

// Five rows were updated before their incident's opened_at (SOURCE.txt quirks).
function laterOf(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
