import type { OrderItem } from '@chronicle/domain';
import { AmountField, NumberField, TextField } from '../shared/field-decorators';
import { LABEL_MAX_LENGTH, MAX_QUANTITY } from '../shared/limits';

export class PurchaseItemDto implements OrderItem {
  @TextField(LABEL_MAX_LENGTH, { example: 'SKU-ENGINE-1' })
  sku!: string;

  @NumberField({ integer: true, min: 1, max: MAX_QUANTITY }, { example: 2 })
  quantity!: number;

  @AmountField({ example: 49.5 })
  unitPrice!: number;
}
