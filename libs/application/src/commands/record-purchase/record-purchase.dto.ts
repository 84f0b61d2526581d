import type { RecordPurchase } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { CurrencyField, IdField, TextField } from '../shared/field-decorators';
import { LABEL_MAX_LENGTH, MAX_PURCHASE_ITEMS } from '../shared/limits';
import { NestedArrayField } from '../shared/nested-field-decorators';
import { PurchaseItemDto } from './purchase-item.dto';

export class RecordPurchaseDto extends CommandPayloadDto implements RecordPurchase {
  @IdField({ example: 'O-1' })
  orderId!: string;

  @IdField({ example: 'C-1' })
  contactId!: string;

  // An order without lines is not a purchase.
  @NestedArrayField(
    () => PurchaseItemDto,
    { minItems: 1, maxItems: MAX_PURCHASE_ITEMS },
    { example: [{ sku: 'SKU-ENGINE-1', quantity: 2, unitPrice: 49.5 }] },
  )
  items!: PurchaseItemDto[];

  @CurrencyField({ example: 'EUR' })
  currency!: string;

  @TextField(LABEL_MAX_LENGTH, { example: 'online', description: 'online, offline, partner, …' })
  channel!: string;
}
