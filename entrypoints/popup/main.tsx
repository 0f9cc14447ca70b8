import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createUiClient } from '../../src/ui/client';
import { PopupApp } from '../../src/ui/PopupApp';
import '../../src/ui/styles.css';
import './popup.css';

const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
const client = createUiClient(tab?.id);
render(<PopupApp client={client} openOptions={() => void browser.runtime.openOptionsPage()} />, document.getElementById('app')!);
