// Topology graph panel (issue "Graph"). PLACEHOLDER: lists the topology until the graph lands.
import { useScenario } from '../store/scenario.ts';

export function GraphPanel() {
  const topology = useScenario((s) => s.analysis?.topology);
  if (!topology || topology.nodes.length === 0)
    return <p className="empty">The topology appears here once the manifests contain a Gateway.</p>;
  return (
    <ul>
      {topology.nodes.map((n) => (
        <li key={n.id}>
          {n.kind} {n.namespace ? `${n.namespace}/` : ''}
          {n.name}
        </li>
      ))}
    </ul>
  );
}
