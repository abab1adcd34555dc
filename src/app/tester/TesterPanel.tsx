// Request tester panel (issue "Tester"). PLACEHOLDER until the tester lands.
export function TesterPanel() {
  return (
    <section aria-label="Request result">
      <p className="empty">Send a test request to see where it goes.</p>
    </section>
  );
}
