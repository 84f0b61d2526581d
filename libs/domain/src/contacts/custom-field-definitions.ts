import {
  DomainError,
  defineCommand,
  onStream,
  type DomainEvent,
  type EventOf,
  type StreamModel,
} from '../shared/decider';
import { narrowEvent } from '../shared/narrow';
import { deepEqual, type JsonValue } from '../shared/objects';
import { customFieldsStreamId } from '../shared/stream-ids';

export const CUSTOM_FIELD_ENTITIES = ['contact', 'deal', 'ticket'] as const;
export type CustomFieldEntity = (typeof CUSTOM_FIELD_ENTITIES)[number];

export const CUSTOM_FIELD_TYPES = ['string', 'number', 'boolean', 'date', 'enum'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export type CustomFieldDefinition = {
  entity: CustomFieldEntity;
  field: string;
  type: CustomFieldType;
  /** Only for `enum`. */
  options?: string[];
};

export type DefineCustomField = CustomFieldDefinition;

export type CustomFieldEvent = EventOf<'CustomFieldDefined', CustomFieldDefinition>;

export type CustomFieldDefinitionsState = { fields: Record<string, CustomFieldDefinition> };

export const customFieldDefinitionsModel: StreamModel<CustomFieldDefinitionsState> = {
  initialState: { fields: {} },
  evolve(state: CustomFieldDefinitionsState, raw: DomainEvent): CustomFieldDefinitionsState {
    const event = narrowEvent<CustomFieldEvent>({ CustomFieldDefined: true }, raw);
    if (!event) return state;
    return { fields: { ...state.fields, [event.data.field]: event.data } };
  },
};

export const defineCustomField = defineCommand<DefineCustomField, CustomFieldDefinitionsState>({
  commandType: 'DefineCustomField',
  streamId: (payload) => customFieldsStreamId(payload.entity),
  decide(payload, state) {
    const streamId = customFieldsStreamId(payload.entity);
    const requested: CustomFieldDefinition = {
      entity: payload.entity,
      field: payload.field,
      type: payload.type,
      ...(payload.type === 'enum' && { options: payload.options ?? [] }),
    };
    const current = lookUpDefinition(state, payload.field);
    if (current && deepEqual(current, requested)) return onStream(streamId, []);
    if (current && !widensEnum(current, requested)) {
      throw new DomainError(
        'ALREADY_EXISTS',
        `Custom field ${payload.entity}.${payload.field} is already defined as ${describe(current)}; only new enum options may be added`,
      );
    }
    return onStream(streamId, [{ type: 'CustomFieldDefined', data: requested }]);
  },
});

/** Values already stored stay valid when a redefinition only adds options. */
function widensEnum(current: CustomFieldDefinition, requested: CustomFieldDefinition): boolean {
  if (current.type !== 'enum' || requested.type !== 'enum') return false;
  const offered = requested.options ?? [];
  return (current.options ?? []).every((option) => offered.includes(option));
}

function describe(definition: CustomFieldDefinition): string {
  return definition.type === 'enum'
    ? `enum [${(definition.options ?? []).join(', ')}]`
    : definition.type;
}

export function lookUpDefinition(
  state: CustomFieldDefinitionsState,
  field: string,
): CustomFieldDefinition | undefined {
  return Object.hasOwn(state.fields, field) ? state.fields[field] : undefined;
}

/** The definition a value must fit; an undefined field is NOT_FOUND. */
export function requireDefinition(
  state: CustomFieldDefinitionsState,
  entity: CustomFieldEntity,
  field: string,
): CustomFieldDefinition {
  const definition = lookUpDefinition(state, field);
  if (!definition)
    throw new DomainError('NOT_FOUND', `Custom field ${entity}.${field} is not defined`);
  return definition;
}

export function checkCustomFieldValue(definition: CustomFieldDefinition, value: JsonValue): void {
  if (fits(definition, value)) return;
  throw new DomainError(
    'RULE_VIOLATED',
    `Custom field ${definition.entity}.${definition.field} takes ${describe(definition)}, not ${JSON.stringify(value)}`,
  );
}

function fits(definition: CustomFieldDefinition, value: JsonValue): boolean {
  switch (definition.type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && isIsoDate(value);
    case 'enum':
      return typeof value === 'string' && (definition.options ?? []).includes(value);
  }
}

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A calendar date or a full timestamp with offset; the round trip rejects days like 02-30. */
function isIsoDate(value: string): boolean {
  const day = ISO_DATE.exec(value)?.[1];
  if (day === undefined || Number.isNaN(Date.parse(value))) return false;
  return new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
}
