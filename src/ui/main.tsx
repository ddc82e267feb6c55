import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { backendFromQuery } from '../shared/backend';
import { App } from './App';
import { startEngine } from './engine-client';
import './styles.css';

startEngine(backendFromQuery(window.location.search));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
