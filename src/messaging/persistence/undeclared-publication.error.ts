import { PermanentError } from '../consumer/permanent.error';

/** A module sent a message its `publishes` declaration does not list: a bug, not a hiccup. */
export class UndeclaredPublicationError extends PermanentError {
  constructor(owner: string, kind: 'event' | 'command', type: string) {
    super(
      `${owner} may not publish the ${kind} "${type}": it is not in the ${kind}s of its ` +
        `featurePersistence "publishes" declaration. Add it there, then re-run ` +
        `\`npm run broker:permissions\` so ${owner}'s broker user may send it too`,
    );
    this.name = 'UndeclaredPublicationError';
  }
}
