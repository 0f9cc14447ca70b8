/** Entry point of the agent console bundle: mounts the app into #app. */
import { render } from 'preact';
import { App } from './components/App.tsx';

const root = document.getElementById('app')!;
// Drop the "Loading…" placeholder: Preact would otherwise render next to it.
root.textContent = '';
render(<App />, root);
