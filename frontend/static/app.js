// Starts the WebAssembly app. A separate file because the Content Security Policy forbids
// inline scripts.
import init from './pkg/frontend.js';

init().then(() => {
  document.getElementById('loading')?.remove();
}).catch((error) => {
  const loading = document.getElementById('loading');
  if (loading) {
    loading.setAttribute('role', 'alert');
    loading.textContent = 'Yttra kunde inte starta i den här webbläsaren. Prova en nyare webbläsare.';
  }
  console.error(error);
});
