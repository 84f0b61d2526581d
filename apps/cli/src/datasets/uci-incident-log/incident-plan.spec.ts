import { flattenPlan } from '../../import/import-plan';
import { planIncidentImport } from './incident-plan';
import { parseIncidentTime } from './incident-rows';

const FINAL = {
  caller_id: 'Caller 2403',
  opened_at: '29/2/2016 01:16',
  contact_type: 'Phone',
  category: 'Category 55',
  subcategory: 'Subcategory 170',
  u_symptom: 'Symptom 72',
  closed_code: 'code 5',
};

/** One audit row of INC1: the columns the mapping reads, with the per-incident final values. */
function row(
  sys_updated_at: string,
  incident_state: string,
  sys_mod_count: number,
  changes: Partial<Record<'assigned_to' | 'assignment_group' | 'priority', string>> = {},
) {
  return {
    number: 'INC1',
    ...FINAL,
    sys_updated_at,
    sys_updated_by: 'Updated by 21',
    incident_state,
    sys_mod_count: String(sys_mod_count),
    assigned_to: '?',
    assignment_group: 'Group 56',
    priority: '3 - Moderate',
    ...changes,
  };
}

// Out of file order on purpose: the mapping sorts by sys_updated_at, then sys_mod_count.
const rows = [
  row('1/3/2016 09:00', 'Active', 2, { assigned_to: 'Resolver 89', priority: '2 - High' }),
  row('29/2/2016 01:10', 'New', 0),
  row('1/3/2016 09:00', 'Awaiting User Info', 3, {
    assigned_to: 'Resolver 89',
    priority: '2 - High',
  }),
  row('29/2/2016 08:00', 'New', 1),
  row('2/3/2016 10:30', 'Resolved', 4, { assigned_to: 'Resolver 89', priority: '2 - High' }),
  row('3/3/2016 11:00', 'Active', 5, {
    assigned_to: 'Resolver 31',
    assignment_group: 'Group 70',
    priority: '2 - High',
  }),
  row('4/3/2016 12:00', 'Resolved', 6, {
    assigned_to: 'Resolver 31',
    assignment_group: 'Group 70',
    priority: '2 - High',
  }),
  row('9/3/2016 12:00', 'Closed', 7, {
    assigned_to: 'Resolver 31',
    assignment_group: 'Group 70',
    priority: '2 - High',
  }),
  row('10/3/2016 12:00', 'Closed', 8, {
    assigned_to: 'Resolver 31',
    assignment_group: 'Group 70',
    priority: '2 - High',
  }),
];

describe('parseIncidentTime', () => {
  it('reads d/m/yyyy HH:MM without zero padding as UTC', () => {
    expect(parseIncidentTime('9/3/2016 07:05')).toBe('2016-03-09T07:05:00Z');
  });

  it('refuses any other shape', () => {
    expect(() => parseIncidentTime('2016-03-09')).toThrow(/Not an incident-log date/);
  });
});

describe('planIncidentImport', () => {
  const commands = flattenPlan(planIncidentImport(rows));
  const described = commands.map((c) => [c.type, c.idempotencyKey, c.payload]);
  const ticket = (fields: object, occurredAt: string) => ({
    ticketId: 'uci-INC1',
    ...fields,
    occurredAt,
  });

  it('defines the default SLA policies, backdated before the log', () => {
    expect(commands.slice(0, 4).map((c) => c.payload)).toEqual([
      {
        priority: 'urgent',
        firstResponseSeconds: 3600,
        resolutionSeconds: 14400,
        occurredAt: '2016-01-01T00:00:00Z',
      },
      {
        priority: 'high',
        firstResponseSeconds: 14400,
        resolutionSeconds: 86400,
        occurredAt: '2016-01-01T00:00:00Z',
      },
      {
        priority: 'normal',
        firstResponseSeconds: 28800,
        resolutionSeconds: 259200,
        occurredAt: '2016-01-01T00:00:00Z',
      },
      {
        priority: 'low',
        firstResponseSeconds: 86400,
        resolutionSeconds: 432000,
        occurredAt: '2016-01-01T00:00:00Z',
      },
    ]);
  });

  it('registers the caller under its anonymised id at its first incident', () => {
    expect(described[4]).toEqual([
      'RegisterContact',
      'uci-caller-2403',
      {
        contactId: 'uci-caller-2403',
        lastName: 'Caller 2403',
        source: 'uci-incident-log',
        occurredAt: '2016-02-29T01:16:00Z',
      },
    ]);
  });

  it('replays the audit rows in update order as ticket commands', () => {
    expect(described.slice(5)).toEqual([
      [
        'OpenTicket',
        'uci-INC1-open',
        {
          ticketId: 'uci-INC1',
          contactId: 'uci-caller-2403',
          subject: 'INC1: Category 55 / Subcategory 170',
          description: 'Symptom 72',
          priority: 'normal',
          channel: 'phone',
          category: 'Category 55',
          teamId: 'uci-group-56',
          occurredAt: '2016-02-29T01:16:00Z',
        },
      ],
      // Row 2 (index 2 once sorted) assigns, raises the priority and is the first response.
      [
        'AssignTicket',
        'uci-INC1-2-assign',
        ticket({ agentId: 'uci-resolver-89', teamId: 'uci-group-56' }, '2016-03-01T09:00:00Z'),
      ],
      [
        'ChangeTicketPriority',
        'uci-INC1-2-priority',
        ticket({ priority: 'high' }, '2016-03-01T09:00:00Z'),
      ],
      [
        'RespondToTicket',
        'uci-INC1-2-respond',
        ticket({ agentId: 'uci-resolver-89' }, '2016-03-01T09:00:00Z'),
      ],
      [
        'ResolveTicket',
        'uci-INC1-4-resolve',
        ticket({ resolution: 'Resolved (code 5)' }, '2016-03-02T10:30:00Z'),
      ],
      [
        'AssignTicket',
        'uci-INC1-5-assign',
        ticket({ agentId: 'uci-resolver-31', teamId: 'uci-group-70' }, '2016-03-03T11:00:00Z'),
      ],
      [
        'ReopenTicket',
        'uci-INC1-5-reopen',
        ticket({ reason: 'Back to Active' }, '2016-03-03T11:00:00Z'),
      ],
      [
        'ResolveTicket',
        'uci-INC1-6-resolve',
        ticket({ resolution: 'Resolved (code 5)' }, '2016-03-04T12:00:00Z'),
      ],
      // The second Closed row is dropped: a closed ticket is final.
      ['CloseTicket', 'uci-INC1-7-close', ticket({}, '2016-03-09T12:00:00Z')],
    ]);
  });

  it('never dates a command before the opening, and answers for unassigned tickets by the updater', () => {
    const early = [
      { ...row('29/2/2016 01:00', 'Resolved', 0), number: 'INC2' },
      { ...row('29/2/2016 02:00', 'Closed', 1), number: 'INC2' },
    ];
    const plan = flattenPlan(planIncidentImport(early));
    expect(plan.find((c) => c.type === 'RespondToTicket')?.payload).toEqual({
      ticketId: 'uci-INC2',
      agentId: 'uci-updated-by-21',
      occurredAt: '2016-02-29T01:16:00Z',
    });
  });

  it('keeps the first incidents only when limited, with the callers they name', () => {
    const second = rows.map((r) => ({ ...r, number: 'INC0', caller_id: 'Caller 7' }));
    const plan = planIncidentImport([...second, ...rows], 1);
    expect(
      flattenPlan(plan)
        .filter((c) => c.type === 'OpenTicket')
        .map((c) => c.payload.ticketId),
    ).toEqual(['uci-INC0']);
    expect(flattenPlan(plan).filter((c) => c.type === 'RegisterContact')).toHaveLength(1);
  });
});
