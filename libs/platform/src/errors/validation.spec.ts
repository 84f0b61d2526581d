import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { ChronicleError } from './chronicle-error';
import { createValidationPipe } from './validation';

class Item {
  @IsString()
  sku!: string;

  @IsInt()
  @Min(1)
  quantity!: number;
}

class Purchase {
  @IsString()
  orderId!: string;

  @ValidateNested({ each: true })
  @Type(() => Item)
  items!: Item[];
}

describe('createValidationPipe', () => {
  const validate = (value: unknown) =>
    createValidationPipe().transform(value, { type: 'body', metatype: Purchase });

  it('refuses with VALIDATION_FAILED and one entry per field, nested ones by dotted path', async () => {
    const error: unknown = await validate({ items: [{ sku: 'A', quantity: 0 }], extra: 1 }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(ChronicleError);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: expect.arrayContaining([
        { field: 'orderId', problems: ['orderId must be a string'] },
        { field: 'items.0.quantity', problems: ['quantity must not be less than 1'] },
        { field: 'extra', problems: ['property extra should not exist'] },
      ]) as unknown,
    });
  });

  it('hands a valid payload on as an instance of its DTO', async () => {
    await expect(validate({ orderId: 'O-1', items: [] })).resolves.toBeInstanceOf(Purchase);
  });
});
