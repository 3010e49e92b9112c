import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnly } from '../../common/http/admin-only.decorator';
import { SkuParams } from '../../common/validation/sku.params';
import { CatalogUseCases } from '../application/catalog.use-cases';
import { ProductView } from './product.view';
import { UpdateProductDto } from './update-product.dto';

@ApiTags('inventory')
@Controller('inventory/products')
export class InventoryController {
  constructor(private readonly catalog: CatalogUseCases) {}

  @Get()
  @ApiOkResponse({ type: [ProductView] })
  async list(): Promise<ProductView[]> {
    return (await this.catalog.list()).map(ProductView.of);
  }

  @Put(':sku')
  @AdminOnly()
  @ApiOkResponse({ type: ProductView })
  @ApiBadRequestResponse({ description: 'A malformed SKU, or a field out of range' })
  @ApiNotFoundResponse({ description: 'Unknown SKU and not all of name, price, stock given' })
  @ApiConflictResponse({ description: 'Stock below what is already reserved' })
  async save(@Param() { sku }: SkuParams, @Body() dto: UpdateProductDto): Promise<ProductView> {
    return ProductView.of(await this.catalog.save(sku, dto));
  }
}
