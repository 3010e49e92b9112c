import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const TEMPLATE_DIR = join(__dirname, '..', 'templates');

export interface RenderedEmail {
  html: string;
  text: string;
}

/**
 * Both parts of an email from one context: the body template inside the shared layout (header
 * with the shop's name, footer with the support address). Compiled once on first use; strict, so
 * a value the template prints but the context lacks fails the render instead of printing nothing.
 */
@Injectable()
export class EmailTemplates {
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();

  render(template: string, context: Record<string, unknown>): RenderedEmail {
    const html = this.compile(`${template}.hbs`, false)(context);
    const text = this.compile(`${template}.txt.hbs`, true)(context);
    return {
      html: this.compile(
        'layout.hbs',
        false,
      )({ ...context, body: new Handlebars.SafeString(html) }),
      // Blank-line runs left by block helpers would read as gaps in a mail client.
      text: this.compile(
        'layout.txt.hbs',
        true,
      )({ ...context, body: text.trim() }).replace(/\n{3,}/g, '\n\n'),
    };
  }

  /** Plain text is not HTML-escaped, and nothing in it is interpreted as markup either. */
  private compile(file: string, noEscape: boolean): Handlebars.TemplateDelegate {
    let fn = this.compiled.get(file);
    if (!fn) {
      fn = Handlebars.compile(readFileSync(join(TEMPLATE_DIR, file), 'utf8'), {
        noEscape,
        strict: true,
      });
      this.compiled.set(file, fn);
    }
    return fn;
  }
}
