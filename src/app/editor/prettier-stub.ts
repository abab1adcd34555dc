// Aliased over prettier in monaco-yaml's worker: we do not offer "format document" (stack-notes §2).
export async function format(text: string): Promise<string> {
  return text;
}
export default {};
