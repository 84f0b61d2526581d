import { type ApiProcess, TOKENS } from './api-process';

export const SUBJECT = 'E-1';

// Distinctive values, so a search of the answers or the files cannot match by chance.
export const PERSONAL = {
  firstName: 'Wolfhardina',
  lastName: 'Pendleberry-Quist',
  email: 'wolfhardina.pq@erasure-crash.test',
  phone: '+44 7700 900555',
  ticketSubject: 'Squeaking gramophone 8812',
  notes: 'Allergic to periwinkle cushions',
};

/** A contact with personal data in its own stream, a ticket and an interaction, sent with keys. */
export async function recordSubject(api: ApiProcess): Promise<string> {
  await api.accepted(
    'RegisterContact',
    {
      contactId: SUBJECT,
      firstName: PERSONAL.firstName,
      lastName: PERSONAL.lastName,
      email: PERSONAL.email,
      phone: PERSONAL.phone,
    },
    { key: 'register-E-1' },
  );
  await api.accepted(
    'OpenTicket',
    {
      ticketId: 'ET-1',
      contactId: SUBJECT,
      subject: PERSONAL.ticketSubject,
      priority: 'high',
      channel: 'email',
    },
    { key: 'ticket-ET-1' },
  );
  const { position } = await api.accepted('LogInteraction', {
    interactionId: 'EI-1',
    contactId: SUBJECT,
    kind: 'call',
    notes: PERSONAL.notes,
  });
  return position;
}

/** The personal values some route still serves about the subject, and the statuses it answered. */
export async function personalValuesServed(
  api: ApiProcess,
  minPosition: string,
): Promise<string[]> {
  const routes: Array<[string, string]> = [
    [`/views/customers/${SUBJECT}?minPosition=${minPosition}`, TOKENS.analyst],
    [`/audit/customers/${SUBJECT}/events?minPosition=${minPosition}`, TOKENS.auditor],
    [`/audit/customers/${SUBJECT}/state?minPosition=${minPosition}`, TOKENS.auditor],
    [`/audit/customers/${SUBJECT}/export?minPosition=${minPosition}`, TOKENS.auditor],
    [`/audit/streams/contact-${SUBJECT}`, TOKENS.auditor],
    ['/audit/streams/ticket-ET-1', TOKENS.auditor],
    ['/audit/streams/interaction-EI-1', TOKENS.auditor],
  ];
  const found: string[] = [];
  for (const [path, token] of routes) {
    const { status, text } = await api.request('GET', path, token);
    if (status !== 200) found.push(`${path} answered ${status}`);
    for (const value of Object.values(PERSONAL))
      if (text.includes(value)) found.push(`${value} at ${path}`);
  }
  return found;
}
