import { given, type RecordedEvent } from '../testing/given';

const tierEnum: RecordedEvent = {
  type: 'CustomFieldDefined',
  data: { entity: 'contact', field: 'tier', type: 'enum', options: ['gold', 'silver'] },
};
const defined = { 'custom-fields-contact': [tierEnum] };

describe('DefineCustomField', () => {
  it('defines a field on its entity stream, keeping options only for enums', () => {
    given()
      .when('DefineCustomField', {
        entity: 'deal',
        field: 'region',
        type: 'string',
        options: ['x'],
      })
      .thenEmits([
        { type: 'CustomFieldDefined', data: { entity: 'deal', field: 'region', type: 'string' } },
      ]);
    given()
      .when('DefineCustomField', {
        entity: 'contact',
        field: 'tier',
        type: 'enum',
        options: ['gold', 'silver'],
      })
      .thenEmits([tierEnum]);
  });

  it('answers no events for the same definition again', () => {
    given(defined)
      .when('DefineCustomField', {
        entity: 'contact',
        field: 'tier',
        type: 'enum',
        options: ['gold', 'silver'],
      })
      .thenEmits([]);
  });

  it('lets an enum gain options, since every stored value stays valid', () => {
    const widened: RecordedEvent = {
      type: 'CustomFieldDefined',
      data: {
        entity: 'contact',
        field: 'tier',
        type: 'enum',
        options: ['silver', 'gold', 'bronze'],
      },
    };
    given(defined)
      .when('DefineCustomField', {
        entity: 'contact',
        field: 'tier',
        type: 'enum',
        options: ['silver', 'gold', 'bronze'],
      })
      .thenEmits([widened]);
  });

  it('refuses a redefinition that could invalidate stored values', () => {
    given(defined)
      .when('DefineCustomField', {
        entity: 'contact',
        field: 'tier',
        type: 'enum',
        options: ['gold'],
      })
      .thenFails('ALREADY_EXISTS', /already defined as enum \[gold, silver\]/);
    given(defined)
      .when('DefineCustomField', { entity: 'contact', field: 'tier', type: 'string' })
      .thenFails('ALREADY_EXISTS');
  });

  it('keeps the definitions of each entity apart', () => {
    given(defined)
      .when('DefineCustomField', { entity: 'ticket', field: 'tier', type: 'number' })
      .thenEmits([
        { type: 'CustomFieldDefined', data: { entity: 'ticket', field: 'tier', type: 'number' } },
      ]);
  });

  it('does not mistake Object prototype names for defined fields', () => {
    given({
      'contact-C1': [
        {
          type: 'ContactRegistered',
          data: { contactId: 'C1', firstName: 'Ada', lifecycleStage: 'lead', leadStatus: 'new' },
        },
      ],
    })
      .when('SetCustomField', { contactId: 'C1', field: 'toString', value: 'x' })
      .thenFails('NOT_FOUND');
  });
});
