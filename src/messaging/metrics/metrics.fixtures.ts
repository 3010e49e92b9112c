import { Registry } from 'prom-client';

/** The sum of `name`'s samples (a histogram's `_count` or `_sum` too) with these labels. */
export async function sampled(
  registry: Registry,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  return (await registry.getMetricsAsJSON())
    .flatMap((m) =>
      // Histograms name each sample (_bucket, _sum, _count); the typings leave that out.
      m.values.map((v) => ({ ...v, name: (v as { metricName?: string }).metricName ?? m.name })),
    )
    .filter((v) => v.name === name)
    .filter((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))
    .reduce((sum, v) => sum + v.value, 0);
}
