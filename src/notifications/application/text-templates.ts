import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const TEMPLATE_DIR = join(__dirname, '..', 'templates');

/** Plain-text alternatives, compiled once on first use (the HTML goes through the mailer's adapter). */
@Injectable()
export class TextTemplates {
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();

  render(template: string, context: Record<string, unknown>): string {
    let fn = this.compiled.get(template);
    if (!fn) {
      // Plain text: no HTML escaping, but also nothing here is interpreted as markup.
      fn = Handlebars.compile(readFileSync(join(TEMPLATE_DIR, `${template}.txt.hbs`), 'utf8'), {
        noEscape: true,
        strict: true,
      });
      this.compiled.set(template, fn);
    }
    return fn(context);
  }
}
