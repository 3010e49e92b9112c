import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ConsoleLoginRequiredError } from './console-login-required.error';

/** A browser asking for a page is sent to the login form; a script's POST gets a plain 401. */
@Catch(ConsoleLoginRequiredError)
export class ConsoleLoginFilter implements ExceptionFilter {
  catch(error: ConsoleLoginRequiredError, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (req.method === 'GET') return res.redirect(303, '/console/login');
    res.status(401).json({ status: 401, detail: error.message, location: '/console/login' });
  }
}
