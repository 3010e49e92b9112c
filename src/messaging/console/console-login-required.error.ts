import { UnauthorizedException } from '@nestjs/common';

/** No valid console session: pages redirect to the login form, actions answer 401. */
export class ConsoleLoginRequiredError extends UnauthorizedException {
  constructor() {
    super('Log in to the console first');
  }
}
