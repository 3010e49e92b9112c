import { Logger } from '@nestjs/common';
import { BrokerClientLogger } from './broker-client.logger';

describe('BrokerClientLogger', () => {
  afterEach(() => jest.restoreAllMocks());

  it("turns golevelup's connection chatter into debug lines", () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation();
    const debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation();
    const client = new BrokerClientLogger();
    client.log('Successfully connected to RabbitMQ broker (orderflow)');
    client.log('Successfully connected a RabbitMQ channel "AmqpConnection"');
    client.log('Trying to connect to RabbitMQ broker (orderflow)');
    client.log('Canceling consumer with tag: x');
    expect(debug).toHaveBeenCalledTimes(3);
    expect(log.mock.calls).toEqual([['Canceling consumer with tag: x']]);
  });

  it('never passes a stack trace on', () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation();
    const client = new BrokerClientLogger();
    client.error(
      'Failed to setup a RabbitMQ channel - name: x / error: gone Error: gone\n    at y',
    );
    client.error('Disconnected from RabbitMQ broker (orderflow)', 'Error: x\n    at z');
    expect(error.mock.calls).toEqual([
      ['Failed to setup a RabbitMQ channel - name: x / error: gone Error: gone'],
      ['Disconnected from RabbitMQ broker (orderflow)'],
    ]);
  });
});
