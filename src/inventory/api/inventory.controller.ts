import { Body, Controller, Get, Param, Put, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AdminApiKeyGuard } from '../../common/http/admin-api-key.guard';
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
  @UseGuards(AdminApiKeyGuard)
  @ApiBearerAuth()
  @ApiOkResponse({ type: ProductView })
  @ApiNotFoundResponse({ description: 'Unknown SKU and not all of name, price, stock given' })
  @ApiConflictResponse({ description: 'Stock below what is already reserved' })
  @ApiUnauthorizedResponse()
  @ApiForbiddenResponse({ description: 'ADMIN_API_KEY is not set' })
  async save(@Param('sku') sku: string, @Body() dto: UpdateProductDto): Promise<ProductView> {
    return ProductView.of(await this.catalog.save(sku, dto));
  }
}
