import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { backendFromQuery } from '../shared/backend';
import { App } from './App';
import { startEngine } from './engine-client';
import { restoreOnStart } from './project/restore-on-start';
import './styles.css';

startEngine(backendFromQuery(window.location.search));
void restoreOnStart();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
