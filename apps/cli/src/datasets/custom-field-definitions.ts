import type { CommandChain } from '../import/import-plan';

/** A custom contact field an import needs (DefineCustomField's payload without the entity). */
export interface ContactFieldDefinition {
  field: string;
  type: 'string' | 'number' | 'boolean' | 'date' | 'enum';
  options?: readonly string[];
}

/**
 * One `DefineCustomField` chain per field. No business time: a definition is today's schema
 * decision, and repeating an identical one records nothing.
 */
export function defineContactFields(
  keyPrefix: string,
  definitions: readonly ContactFieldDefinition[],
): CommandChain[] {
  return definitions.map(({ field, type, options }) => ({
    entity: `custom field ${field}`,
    commands: [
      {
        type: 'DefineCustomField',
        idempotencyKey: `${keyPrefix}-field-${field}`,
        payload: options
          ? { entity: 'contact', field, type, options }
          : { entity: 'contact', field, type },
      },
    ],
  }));
}
