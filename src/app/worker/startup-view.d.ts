// The build's start-up view (scripts/startup-view.ts): null under the dev server and Vitest.
declare module 'virtual:startup-view' {
  const view: import('./startup.ts').StartupView | null;
  export default view;
}
