// monaco-yaml's worker, re-exported so that Vite bundles it as our own worker (stack-notes §2).
import 'monaco-yaml/yaml.worker.js';
