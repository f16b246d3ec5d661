// The renderer's entry: mounts the React app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './theme.css';
import './controls.css';
import './app.css';
import { App } from './App';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
