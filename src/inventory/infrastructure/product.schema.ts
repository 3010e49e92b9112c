import { Schema } from 'mongoose';
import { ProductProps } from '../domain/product.entity';

/** The stored shape is the aggregate's snapshot, keyed by SKU. */
export type ProductDoc = Omit<ProductProps, 'sku'> & { _id: string };

export const ProductSchema = new Schema<ProductDoc>(
  {
    _id: String,
    name: { type: String, required: true },
    price: { type: Number, required: true, min: 0 },
    currency: { type: String, required: true },
    available: { type: Number, required: true, min: 0 },
    reserved: { type: Number, required: true, min: 0 },
    version: { type: Number, required: true, min: 1 },
  },
  { collection: 'products', versionKey: false },
);

export const toProductDoc = ({ sku, ...rest }: ProductProps): ProductDoc => ({ _id: sku, ...rest });
export const fromProductDoc = ({ _id, ...rest }: ProductDoc): ProductProps => ({
  sku: _id,
  ...rest,
});
