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
import { CatalogQueries } from '../application/catalog.queries';
import { CatalogUseCases } from '../application/catalog.use-cases';
import { ProductView } from './product.view';
import { UpdateProductDto } from './update-product.dto';

@ApiTags('inventory')
@Controller('inventory/products')
export class InventoryController {
  constructor(
    private readonly catalog: CatalogUseCases,
    private readonly queries: CatalogQueries,
  ) {}

  @Get()
  @ApiOkResponse({ type: [ProductView], description: 'Served from the catalog cache' })
  async list(): Promise<ProductView[]> {
    return (await this.queries.list()).map(ProductView.of);
  }

  @Get(':sku')
  @ApiOkResponse({ type: ProductView, description: 'Served from the catalog cache' })
  @ApiBadRequestResponse({ description: 'A malformed SKU' })
  @ApiNotFoundResponse({ description: 'Unknown SKU' })
  async product(@Param() { sku }: SkuParams): Promise<ProductView> {
    return ProductView.of(await this.queries.product(sku));
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
