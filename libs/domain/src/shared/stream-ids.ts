export const contactStreamId = (contactId: string): string => `contact-${contactId}`;
export const dealStreamId = (dealId: string): string => `deal-${dealId}`;
export const orderStreamId = (orderId: string): string => `order-${orderId}`;
export const interactionStreamId = (interactionId: string): string =>
  `interaction-${interactionId}`;
export const feedbackStreamId = (feedbackId: string): string => `feedback-${feedbackId}`;
export const surveyResponseStreamId = (responseId: string): string =>
  `survey-response-${responseId}`;
export const campaignStreamId = (campaignId: string): string => `campaign-${campaignId}`;
export const ticketStreamId = (ticketId: string): string => `ticket-${ticketId}`;
export const customFieldsStreamId = (entity: string): string => `custom-fields-${entity}`;
export const SLA_POLICIES_STREAM_ID = 'sla-policies';
