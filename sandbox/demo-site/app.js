// The demo single-page app: route changes use history.pushState (and popstate for Back),
// the way real SPAs do, so the extension's navigation tracking can be shown and tested.
const VIEWS = {
  accounts: ['Accounts', 'Everyday Checking ••4821: $2,340.18. Savings ••7710: $12,905.00.'],
  statements: ['Statements', 'Your last twelve monthly statements are ready to download.'],
  transfers: ['Transfers', 'Move money between your accounts or to someone you trust.'],
};

function show(view) {
  const [title, text] = VIEWS[view] || VIEWS.accounts;
  document.getElementById('view-title').textContent = title;
  document.getElementById('view-text').textContent = text;
  document.title = `${title} — Beckon Bank`;
  for (const a of document.querySelectorAll('[data-view]')) {
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-view]');
  if (!link) return;
  event.preventDefault();
  history.pushState({}, '', link.href);
  show(link.dataset.view);
});
window.addEventListener('popstate', () => show(new URLSearchParams(location.search).get('view') || 'accounts'));
show(new URLSearchParams(location.search).get('view') || 'accounts');
