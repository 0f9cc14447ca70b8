import { render } from 'preact';
import { connectToHost, reportSizeOf } from '../../src/ui/frame-link';
import { PageApp } from '../../src/ui/PageApp';
import '../../src/ui/styles.css';
import './page-frame.css';

/** The in-page UI: this page runs in a frame its host put in the visited page (src/protocol/page-frame.ts). */
connectToHost(window, (client, host) => {
  const app = document.getElementById('app')!;
  reportSizeOf(app, host);
  render(<PageApp client={client} host={host} />, app);
});
