import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminUnlessScoped } from '../../common/http/admin-unless-scoped.decorator';
import { PaymentUseCases } from '../application/payment.use-cases';
import { InvoicesQuery } from './invoices.query';
import { InvoiceView } from './invoice.view';

@ApiTags('billing')
@Controller('billing')
export class BillingController {
  constructor(private readonly payments: PaymentUseCases) {}

  @Get('invoices')
  @AdminUnlessScoped('orderId')
  @ApiBadRequestResponse({ description: 'orderId is not a UUID' })
  @ApiOkResponse({ type: [InvoiceView] })
  async invoices(@Query() q: InvoicesQuery): Promise<InvoiceView[]> {
    return (await this.payments.listInvoices(q.orderId)).map(InvoiceView.of);
  }
}
