import { render } from 'preact';
import { OptionsApp } from '../../src/ui/options/OptionsApp';
import './options.css';

render(<OptionsApp />, document.getElementById('app')!);
