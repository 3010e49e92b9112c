import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { ContractViolationError } from './contract-violation.error';
import { validateContract } from './contract.validator';

class LineContract {
  @IsString()
  sku: string;

  @IsInt()
  @Min(1)
  quantity: number;
}

class PlacedContract {
  @IsString()
  orderId: string;

  @ValidateNested({ each: true })
  @Type(() => LineContract)
  lines: LineContract[];
}

/** A class with no rules at all: nothing vouches for what is passed in. */
class Unchecked {
  anything: unknown;
}

function violation(run: () => unknown): ContractViolationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ContractViolationError) return error;
    throw error;
  }
  throw new Error('expected a ContractViolationError');
}

describe('validateContract', () => {
  it('returns an instance of the contract carrying the payload', () => {
    const plain = { orderId: 'o-1', lines: [{ sku: 'SKU-1', quantity: 2 }] };
    const placed = validateContract(PlacedContract, plain, 'order.placed payload');
    expect(placed).toBeInstanceOf(PlacedContract);
    expect(placed.lines[0]).toBeInstanceOf(LineContract);
    expect(placed).toEqual(plain);
  });

  it('names every broken field by its path, nested ones included', () => {
    const error = violation(() =>
      validateContract(
        PlacedContract,
        {
          orderId: 7,
          lines: [
            { sku: 'SKU-1', quantity: 1 },
            { sku: 3, quantity: 0 },
          ],
        },
        'order.placed payload',
      ),
    );
    expect(error.violations).toEqual([
      'orderId: orderId must be a string',
      'lines.1.sku: sku must be a string',
      'lines.1.quantity: quantity must not be less than 1',
    ]);
    expect(error.message).toBe(
      'order.placed payload breaks its contract: orderId: orderId must be a string; ' +
        'lines.1.sku: sku must be a string; lines.1.quantity: quantity must not be less than 1',
    );
    expect(error.permanent).toBe(true);
  });

  it.each([
    [null, 'object'],
    [[{ orderId: 'o-1' }], 'object'],
    ['o-1', 'string'],
    [42, 'number'],
    [undefined, 'undefined'],
  ])('refuses %p as not an object, naming its type %s', (plain, type) => {
    const error = violation(() => validateContract(PlacedContract, plain, 'order.placed payload'));
    expect(error.message).toBe(`order.placed payload is not an object: ${type}`);
    expect(error.violations).toEqual([type]);
  });

  it('refuses a payload for a contract that declares no rules at all', () => {
    const error = violation(() => validateContract(Unchecked, { anything: 1 }, 'x payload'));
    // class-validator reports this on the object itself, with no property name to show.
    expect(error.violations).toEqual([
      'undefined: an unknown value was passed to the validate function',
    ]);
  });
});
