import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PaymentUseCases } from '../application/payment.use-cases';
import { InvoicesQuery } from './invoices.query';
import { InvoiceView } from './invoice.view';

@ApiTags('billing')
@Controller('billing')
export class BillingController {
  constructor(private readonly payments: PaymentUseCases) {}

  @Get('invoices')
  @ApiOkResponse({ type: [InvoiceView] })
  async invoices(@Query() q: InvoicesQuery): Promise<InvoiceView[]> {
    return (await this.payments.listInvoices(q.orderId)).map(InvoiceView.of);
  }
}
