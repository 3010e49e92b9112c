import { PrivateNode } from './private-node';
import { listRows } from './rabbit-tools';

export interface QueueReplicas {
  name: string;
  leader: string;
  members: string[];
}

/**
 * Three private nodes joined into one cluster with `rabbitmqctl join_cluster`, as an operator
 * builds one. Ports are free ones unless given (the npm script uses 5681–5683).
 */
export class PrivateCluster {
  private constructor(readonly nodes: PrivateNode[]) {}

  static async start(
    options: {
      size?: number;
      ports?: number[];
      names?: string[];
      baseDir?: (name: string) => string;
    } = {},
  ): Promise<PrivateCluster> {
    const size = options.size ?? 3;
    const nodes: PrivateNode[] = [];
    const cluster = new PrivateCluster(nodes);
    try {
      for (let i = 0; i < size; i++) {
        const name = options.names?.[i];
        nodes.push(
          await PrivateNode.create({
            name,
            port: options.ports?.[i],
            baseDir: name && options.baseDir ? options.baseDir(name) : undefined,
          }),
        );
      }
      await Promise.all(nodes.map((n) => n.start()));
      const [first, ...rest] = nodes;
      for (const n of rest) {
        await n.ctl(['stop_app']);
        await n.ctl(['reset']);
        await n.ctl(['join_cluster', first.node]);
        await n.startApp();
      }
      return cluster;
    } catch (error) {
      await cluster.remove();
      throw error;
    }
  }

  /** The AMQP_URL a client fails over across: every node, comma-separated. */
  url(user = 'guest', password = 'guest', vhost = ''): string {
    return this.nodes.map((n) => n.url(user, password, vhost)).join(',');
  }

  /** Any node that answers, to run cluster-wide CLI queries on. */
  async anyRunning(): Promise<PrivateNode> {
    for (const n of this.nodes) {
      const ok = await n.ctl(['ping'], 10_000).then(
        () => true,
        () => false,
      );
      if (ok) return n;
    }
    throw new Error('no node of the cluster answers');
  }

  byPort(port: number): PrivateNode | undefined {
    return this.nodes.find((n) => n.port === port);
  }

  byNodeName(node: string): PrivateNode | undefined {
    return this.nodes.find((n) => n.node === node);
  }

  /** Nodes every running node of the cluster counts as running members. */
  async runningNodes(): Promise<string[]> {
    const n = await this.anyRunning();
    const out = await n.ctl(['cluster_status', '--formatter', 'json']);
    return (JSON.parse(out) as { running_nodes: string[] }).running_nodes;
  }

  /** Leader and members of each quorum queue whose name starts with `prefix`. */
  async quorumQueues(prefix: string): Promise<QueueReplicas[]> {
    const n = await this.anyRunning();
    const rows = await listRows(n.node, ['list_queues', 'name', 'type', 'leader', 'members']);
    return rows
      .filter(([name, type]) => name.startsWith(prefix) && type === 'quorum')
      .map(([name, , leader, members]) => ({
        name,
        leader,
        members: members
          .replace(/[[\]\s]/g, '')
          .split(',')
          .filter(Boolean),
      }));
  }

  /** The AMQP port of each client connection the cluster holds, e.g. to find the app's node. */
  async connectionPorts(): Promise<number[]> {
    const n = await this.anyRunning();
    const rows = await listRows(n.node, ['list_connections', 'port']);
    return rows.map(([port]) => Number(port));
  }

  async remove(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.remove()));
  }
}
