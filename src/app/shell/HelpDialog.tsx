import { ENGINE_VERSION, GATEWAY_API_VERSION } from '../../engine/version.ts';
import { useUi } from '../store/ui.ts';
import { Modal } from './Modal.tsx';

export function HelpDialog() {
  const open = useUi((s) => s.dialog === 'help');
  const close = () => useUi.getState().openDialog(null);
  return (
    <Modal
      open={open}
      title="How gateway-sim works"
      onClose={close}
      wide
      footer={
        <button type="button" className="button primary" onClick={close}>
          Got it
        </button>
      }
    >
      <p>
        gateway-sim acts like a Kubernetes Gateway API {GATEWAY_API_VERSION} controller and data plane, right in your
        browser. No cluster is needed and nothing you type leaves this page.
      </p>
      <ol className="steps">
        <li>
          <strong>Write or paste manifests</strong> on the left: GatewayClasses, Gateways, Routes, Services,
          ReferenceGrants. Mistakes are underlined as you type, with the API server's own wording.
        </li>
        <li>
          <strong>Read the topology</strong>: which routes attached to which listeners, and which did not and why.
          Expand, at the graph's top right, gives it the whole page; Escape brings the rest back.
        </li>
        <li>
          <strong>Send a test request</strong> in the Request tester to see which listener, route and rule win, what the
          filters do and where traffic goes.
        </li>
      </ol>
      <h3>Keyboard</h3>
      <dl className="keys">
        <dt>
          <kbd>Ctrl</kbd>+<kbd>M</kbd>
        </dt>
        <dd>In the editor: let Tab move focus out of the editor (press again to indent with Tab).</dd>
        <dt>
          <kbd>Ctrl</kbd>+<kbd>Space</kbd>
        </dt>
        <dd>Suggest field names and values.</dd>
        <dt>
          <kbd>F8</kbd>
        </dt>
        <dd>Go to the next problem.</dd>
        <dt>
          <kbd>Ctrl</kbd>+<kbd>.</kbd>
        </dt>
        <dd>Show quick fixes for the problem under the cursor.</dd>
        <dt>
          <kbd>←</kbd> <kbd>→</kbd>
        </dt>
        <dd>On the divider between the editor and the panels: resize them.</dd>
        <dt>
          <kbd>←</kbd> <kbd>→</kbd> <kbd>↑</kbd> <kbd>↓</kbd>, <kbd>Enter</kbd>
        </dt>
        <dd>In the graph: move between nodes; Enter shows the node's YAML; + and − fold a route's rules.</dd>
        <dt>
          <kbd>Esc</kbd>
        </dt>
        <dd>In the graph: clear the request's highlight, or restore the page after Expand.</dd>
      </dl>
      <h3>Choices the simulator makes</h3>
      <p>
        Where the Gateway API leaves behaviour to implementations, gateway-sim makes a documented choice. You can change
        the main ones in Settings; results that depend on one say so.
      </p>
      <h3>Saved work, links and offline use</h3>
      <p>
        Your scenario is saved in this browser and comes back when you return. Share puts the whole scenario in a link;
        opening someone's link keeps your own work under Examples → Recent. After the first visit the page also works
        offline.
      </p>
      <p className="muted">
        Engine {ENGINE_VERSION} · Gateway API {GATEWAY_API_VERSION}
      </p>
    </Modal>
  );
}
